package org.clusterlogs.testing.auth;

import org.jose4j.base64url.Base64Url;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.security.Key;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Real signed tokens for the security tests: the suite's access token, and every way of getting
 * one wrong that an attacker would try.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** A good token for {@code uid}: signed with the current key, 15 minutes to live. */
    public static String valid(String uid) {
        return signed(claims(uid, Instant.now().plusSeconds(900), FakeAuthServer.ISSUER),
                FakeAuthServer.signingKid, FakeAuthServer.signingKey().getPrivate());
    }

    /** A good token that expires at {@code exp}. */
    public static String expiringAt(String uid, Instant exp) {
        return signed(claims(uid, exp, FakeAuthServer.ISSUER), FakeAuthServer.signingKid,
                FakeAuthServer.signingKey().getPrivate());
    }

    /**
     * The suite's claims: uid, sub, iss, iat, exp, jti; a null exp or iss leaves the claim out.
     * {@code iat} is 15 minutes before {@code exp} (a token's usual life), or now without one.
     */
    public static JwtClaims claims(String uid, Instant exp, String issuer) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("uid", uid);
        claims.setSubject(uid);
        if (issuer != null) {
            claims.setIssuer(issuer);
        }
        claims.setIssuedAt(NumericDate.fromSeconds(exp == null ? Instant.now().getEpochSecond()
                : exp.getEpochSecond() - 900));
        if (exp != null) {
            claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        }
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    /** RS256 over {@code claims} with {@code key}; a null kid leaves the header without one. */
    public static String signed(JwtClaims claims, String kid, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key);
        return serialize(jws);
    }

    /** HS256 with the given bytes as the HMAC secret (an algorithm-confusion attempt with the public key). */
    public static String hs256(JwtClaims claims, String kid, byte[] secret) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(new HmacKey(secret));
        jws.setDoKeyValidation(false);
        return serialize(jws);
    }

    /** {@code alg: none}: header and payload, an empty signature. */
    public static String unsigned(JwtClaims claims, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setKeyIdHeaderValue(kid);
        return serialize(jws);
    }

    /** {@code token} with its payload swapped for {@code claims}, the signature kept. */
    public static String withPayload(String token, JwtClaims claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + Base64Url.encodeUtf8ByteRepresentation(claims.toJson()) + "." + parts[2];
    }

    /** The public key as a PEM text, as an attacker would copy it. */
    public static String pem(Key publicKey) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
