package org.clusterlogs.auth.token;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.config.AuthConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Access tokens (SmallRye JWT build): RS256 with the current key's {@code kid}, claims {@code uid},
 * {@code sub} (= uid), {@code iss}, {@code iat}, {@code exp}, {@code jti}, and {@code auth_time},
 * the first login of the session, which a refresh keeps.
 */
@ApplicationScoped
public class TokenIssuer {

    /** A signed token and when it expires. */
    public record Issued(String token, Instant expires) {
    }

    private final SigningKeyRing keys;
    private final String issuer;
    private final Duration lifetime;

    public TokenIssuer(SigningKeyRing keys, AuthConfig config) {
        this.keys = keys;
        this.issuer = config.token().issuer();
        this.lifetime = config.token().lifetime();
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A token for a fresh login. */
    public Issued issue(String uid) {
        Instant now = Instant.now();
        return issue(uid, now.getEpochSecond(), now);
    }

    /** A token for a session that began at {@code authTime} (epoch seconds). */
    public Issued issue(String uid, long authTime) {
        return issue(uid, authTime, Instant.now());
    }

    private Issued issue(String uid, long authTime, Instant now) {
        SigningKeyRing.LoadedKey key = keys.signer();
        Instant expires = now.plus(lifetime);
        String token = Jwt.claims()
                .issuer(issuer)
                .subject(uid)
                .claim("uid", uid)
                .issuedAt(now.getEpochSecond())
                .expiresAt(expires.getEpochSecond())
                .claim("jti", UUID.randomUUID().toString())
                .claim("auth_time", authTime)
                .jws()
                .keyId(key.kid())
                .algorithm(SignatureAlgorithm.RS256)
                .header("typ", "JWT")
                .sign(key.privateKey());
        return new Issued(token, expires);
    }
}
