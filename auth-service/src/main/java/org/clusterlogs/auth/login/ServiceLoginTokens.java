package org.clusterlogs.auth.login;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.config.AuthConfig;
import org.clusterlogs.auth.identity.PublicKeys;
import org.clusterlogs.auth.identity.User;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Set;

/**
 * A service account's login token: RS256 only, verified with the account's stored public key
 * (SmallRye JWT's parser with that key, never one named by the token), {@code uid} equal to the
 * login's uid, {@code exp} required and at most {@code auth.login.service-token-max-lifetime}
 * ahead, {@code iat} and {@code jti} required, and the jti used once across replicas.
 */
@ApplicationScoped
public class ServiceLoginTokens {

    /** The longest jti remembered (the column's width). */
    static final int MAX_JTI = 200;

    private final DefaultJWTParser parser;
    private final Duration maxLifetime;
    private final long skewSeconds;
    private final UsedLoginTokens used;

    public ServiceLoginTokens(AuthConfig config, UsedLoginTokens used) {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setRequiredClaims(Set.of("uid", "exp", "iat", "jti"));
        context.setRequireNamedPrincipal(false);
        context.setClockSkew((int) config.token().clockSkew().toSeconds());
        this.parser = new DefaultJWTParser(context);
        this.maxLifetime = config.login().serviceTokenMaxLifetime();
        this.skewSeconds = config.token().clockSkew().toSeconds();
        this.used = used;
    }

    /** Null when the token is good (and is now used up), else why not, for the audit line. */
    public String refusal(User account, String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.verify(token, PublicKeys.parse(account.publicKeyPem()));
        } catch (ParseException | RuntimeException e) {
            return "login token does not verify";
        }
        if (!account.uid().equals(jwt.getClaim("uid"))) {
            return "login token uid is not the login uid";
        }
        String jti = jwt.getTokenID();
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI) {
            return "login token jti missing or longer than " + MAX_JTI;
        }
        long now = System.currentTimeMillis() / 1000;
        if (jwt.getExpirationTime() - now > maxLifetime.toSeconds() + skewSeconds) {
            return "login token expires too far ahead";
        }
        if (!used.markUsed(account.uid(), jti, (jwt.getExpirationTime() + skewSeconds) * 1000)) {
            return "login token was used before";
        }
        return null;
    }
}
