package org.clusterlogs.auth.testsupport;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** A service account's key pair, made by the test, and the login tokens it signs. */
public record ServiceKeys(KeyPair pair) {

    public static ServiceKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new ServiceKeys(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public String privatePem() {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /** A good login token: uid, exp 5 minutes ahead, iat, a fresh jti. */
    public String loginToken(String uid) {
        return loginToken(uid, Instant.now().plusSeconds(300).getEpochSecond());
    }

    public String loginToken(String uid, long exp) {
        return Jwt.claims().claim("uid", uid).issuedAt(Instant.now().getEpochSecond()).expiresAt(exp)
                .claim("jti", UUID.randomUUID().toString()).jws().sign(pair.getPrivate());
    }
}
