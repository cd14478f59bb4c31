package org.clusterlogs.auth.token;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.config.AuthConfig;
import org.clusterlogs.auth.identity.Uids;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import java.security.PublicKey;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies the suite's access tokens against this service's own keys: three base64url segments,
 * header {@code alg} RS256 only, a {@code kid} naming a published key, the signature, {@code iss},
 * {@code exp} (with the configured skew), {@code iat}, {@code jti}, and a {@code uid} that follows
 * the uid rule and equals {@code sub}. The key is never chosen from the token's own headers.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    /** Longer than any token this service issues; a longer one is refused before parsing. */
    static final int MAX_LENGTH = 4096;
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final SigningKeyRing keys;
    private final DefaultJWTParser parser;

    public AccessTokenVerifier(SigningKeyRing keys, AuthConfig config) {
        this.keys = keys;
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setIssuedBy(config.token().issuer());
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setClockSkew((int) config.token().clockSkew().toSeconds());
        context.setRequiredClaims(Set.of("uid", "sub", "exp", "iat", "jti"));
        context.setMaxTimeToLiveSecs(config.token().lifetime().toSeconds() + config.token().clockSkew().toSeconds());
        this.parser = new DefaultJWTParser(context);
    }

    public VerifiedToken verify(String token) throws InvalidTokenException {
        if (token == null || token.length() > MAX_LENGTH || !COMPACT.matcher(token).matches()) {
            throw new InvalidTokenException("not a compact JWS of at most " + MAX_LENGTH + " characters");
        }
        String kid = headerKid(token);
        PublicKey key = keys.byKid(kid).map(SigningKeyRing.LoadedKey::publicKey)
                .orElseThrow(() -> new InvalidTokenException("unknown kid"));
        JsonWebToken jwt;
        try {
            jwt = parser.verify(token, key);
        } catch (ParseException e) {
            throw new InvalidTokenException("verification failed: " + e.getMessage());
        }
        Object uid = jwt.getClaim("uid");
        if (!(uid instanceof String u) || !Uids.valid(u) || !u.equals(jwt.getSubject())) {
            throw new InvalidTokenException("uid claim missing, invalid or not the subject");
        }
        Object authTime = jwt.getClaim("auth_time");
        long auth = authTime instanceof Number n ? n.longValue() : jwt.getIssuedAtTime();
        return new VerifiedToken(u, jwt.getExpirationTime(), auth);
    }

    private static String headerKid(String token) throws InvalidTokenException {
        try {
            JsonWebStructure structure = JsonWebStructure.fromCompactSerialization(token);
            if (!(structure instanceof JsonWebSignature jws)) {
                throw new InvalidTokenException("not a JWS");
            }
            if (!"RS256".equals(jws.getAlgorithmHeaderValue())) {
                throw new InvalidTokenException("alg is not RS256");
            }
            String kid = jws.getKeyIdHeaderValue();
            if (kid == null || kid.isEmpty()) {
                throw new InvalidTokenException("no kid");
            }
            return kid;
        } catch (JoseException | RuntimeException e) {
            throw new InvalidTokenException("header does not parse");
        }
    }
}
