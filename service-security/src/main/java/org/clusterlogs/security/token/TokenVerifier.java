package org.clusterlogs.security.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.clusterlogs.security.Caller;
import org.clusterlogs.security.Uids;
import org.clusterlogs.security.VerificationKeys;
import org.clusterlogs.security.config.AuthConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.base64url.Base64Url;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Verifies the suite's access tokens: RS256 only, the key chosen by the header's {@code kid} from
 * {@link VerificationKeys} (never from anything else the token says about itself), then
 * SmallRye JWT checks signature, {@code exp} (required), {@code iss} and the clock skew. The
 * {@code uid} must follow the suite's uid rule. May block: a {@code kid} not known yet fetches
 * the keys, so call it off the event loop.
 */
@Singleton
public class TokenVerifier {

    private static final String ALGORITHM = "RS256";
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private static final Map<Integer, String> REASONS = Map.of(
            ErrorCodes.EXPIRED, "expired",
            ErrorCodes.EXPIRATION_MISSING, "no exp",
            ErrorCodes.NOT_YET_VALID, "not yet valid",
            ErrorCodes.SIGNATURE_INVALID, "bad signature",
            ErrorCodes.SIGNATURE_MISSING, "not signed",
            ErrorCodes.ISSUER_MISSING, "no iss",
            ErrorCodes.ISSUER_INVALID, "wrong iss",
            ErrorCodes.JSON_INVALID, "claims are not JSON",
            ErrorCodes.MALFORMED_CLAIM, "malformed claim",
            ErrorCodes.ISSUED_AT_INVALID_FUTURE, "iat in the future");

    private final VerificationKeys keys;
    private final String issuer;
    private final int clockSkewSeconds;
    private final long maxLifetimeSeconds;
    private final JWTParser parser = new DefaultJWTParser();
    /**
     * Tokens that verified, by their exact text: the same bytes verify the same way until they
     * expire, so a caller's next requests skip the RSA check (and the hop off the event loop).
     * Bounded: a node serves few distinct callers at a time.
     */
    private final Cache<String, Caller> verified = Caffeine.newBuilder()
            .maximumSize(1024)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    @Inject
    public TokenVerifier(VerificationKeys keys, AuthConfig config) {
        this(keys, config.token().issuer(), config.token().clockSkew(), config.token().maxLifetime());
    }

    public TokenVerifier(VerificationKeys keys, String issuer, Duration clockSkew, Duration maxLifetime) {
        this.keys = keys;
        this.issuer = issuer;
        this.clockSkewSeconds = (int) Math.max(1, clockSkew.toSeconds());
        this.maxLifetimeSeconds = maxLifetime.toSeconds();
    }

    /**
     * The caller of a token that verified before and has not expired since (clock skew allowed),
     * for this carrier; empty when it must be verified.
     */
    public Optional<Caller> alreadyVerified(PresentedToken token) {
        Caller known = verified.getIfPresent(token.jwt());
        if (known == null || Instant.now().isAfter(known.expiresAt().plusSeconds(clockSkewSeconds))) {
            return Optional.empty();
        }
        return Optional.of(new Caller(known.uid(), known.expiresAt(), token.fromCookie(), known.authenticatedAt()));
    }

    /** The caller the token names; fails with the reason (for the log) when it does not verify. */
    public Caller verify(PresentedToken token) throws InvalidTokenException {
        Caller caller = check(token);
        verified.put(token.jwt(), caller);
        return caller;
    }

    /**
     * The checks that need no key: a token that fails them is refused on the spot, without a hop
     * off the event loop. {@link #verify} makes them too.
     */
    public static void requireShape(PresentedToken token) throws InvalidTokenException {
        if (!isJwsCompact(token.jwt())) {
            throw new InvalidTokenException("token is not three base64url segments");
        }
    }

    private Caller check(PresentedToken token) throws InvalidTokenException {
        requireShape(token);
        Map<String, Object> header = header(token.jwt());
        if (!ALGORITHM.equals(header.get("alg"))) {
            throw new InvalidTokenException("alg " + printable(header.get("alg")) + " is not accepted");
        }
        if (!(header.get("kid") instanceof String kid) || !KID.matcher(kid).matches()) {
            throw new InvalidTokenException("no usable kid in the header");
        }
        PublicKey key = keys.byKid(kid)
                .orElseThrow(() -> new InvalidTokenException("no published key has kid " + kid));
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token.jwt(), context(key));
        } catch (ParseException e) {
            throw new InvalidTokenException("rejected by the JWT checks: " + reason(e));
        }
        if (jwt.getIssuedAtTime() > Instant.now().getEpochSecond() + clockSkewSeconds) {
            // SmallRye JWT checks exp, nbf and the lifetime (exp - iat), not an iat ahead of the
            // clock: such a token would otherwise live its whole lifetime from a future moment
            throw new InvalidTokenException("rejected by the JWT checks: iat in the future");
        }
        String uid = text(jwt.getClaim("uid"));
        if (!Uids.valid(uid)) {
            throw new InvalidTokenException("uid claim missing or not a valid uid");
        }
        if (jwt.getSubject() != null && !jwt.getSubject().equals(uid)) {
            throw new InvalidTokenException("sub names another than uid");
        }
        return new Caller(uid, Instant.ofEpochSecond(jwt.getExpirationTime()), token.fromCookie(), authenticatedAt(jwt));
    }

    /**
     * Three non-empty segments of base64url characters joined by two dots: checked before any
     * decoding, with a plain scan (a regular expression over a 1 KB token was a tenth of the CPU of
     * a small range request when it ran on every request; bench/auth.sh with BENCH_JFR).
     */
    private static boolean isJwsCompact(String jwt) {
        int dots = 0;
        int segmentLength = 0;
        for (int i = 0; i < jwt.length(); i++) {
            char c = jwt.charAt(i);
            if (c == '.') {
                if (segmentLength == 0 || ++dots > 2) {
                    return false;
                }
                segmentLength = 0;
            } else if (isBase64Url(c)) {
                segmentLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && segmentLength > 0;
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** When the caller logged in: {@code auth_time} (kept across refreshes), else the token's {@code iat}. */
    private static Instant authenticatedAt(JsonWebToken jwt) {
        Object authTime = jwt.getClaim("auth_time");
        if (authTime instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        if (authTime instanceof JsonNumber n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        return Instant.ofEpochSecond(jwt.getIssuedAtTime());
    }

    private JWTAuthContextInfo context(PublicKey key) {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicVerificationKey(key);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setIssuedBy(issuer);
        context.setClockSkew(clockSkewSeconds);
        context.setRequiredClaims(Set.of("uid", "exp", "iat"));
        // a token living longer than any the suite issues was not issued by it as it is configured
        context.setMaxTimeToLiveSecs(maxLifetimeSeconds + clockSkewSeconds);
        context.setRequireNamedPrincipal(false); // the uid is checked here, by the suite's own rule
        return context;
    }

    private static Map<String, Object> header(String jwt) throws InvalidTokenException {
        try {
            String json = Base64Url.decodeToUtf8String(jwt.substring(0, jwt.indexOf('.')));
            return JsonUtil.parseJson(json);
        } catch (JoseException | RuntimeException e) {
            throw new InvalidTokenException("header is not base64url JSON");
        }
    }

    private static String text(Object claim) {
        if (claim instanceof String s) {
            return s;
        }
        return claim instanceof JsonString s ? s.getString() : null;
    }

    /**
     * What jose4j found wrong, by its error codes: its messages may quote the whole token (a bad
     * signature's does), and a token must never reach the log.
     */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid) {
                return invalid.getErrorDetails().stream()
                        .map(d -> REASONS.getOrDefault(d.getErrorCode(), "jose4j error " + d.getErrorCode()))
                        .distinct().collect(Collectors.joining(", "));
            }
        }
        return e.getClass().getSimpleName();
    }

    private static String printable(Object value) {
        String s = String.valueOf(value);
        return s.length() > 100 ? s.substring(0, 100) + "..." : s.replaceAll("\\p{Cntrl}", "?");
    }
}
