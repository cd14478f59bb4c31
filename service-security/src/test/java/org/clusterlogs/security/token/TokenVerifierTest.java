package org.clusterlogs.security.token;

import org.clusterlogs.security.AuthUnavailableException;
import org.clusterlogs.security.Caller;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier alone, with real RS256 tokens and a key map in memory. */
class TokenVerifierTest {

    private static final KeyPair KEY = keyPair();
    private final TokenVerifier verifier = new TokenVerifier(
            kid -> Optional.ofNullable(Map.of("k1", KEY.getPublic()).get(kid)), "clusterlogs-auth", Duration.ofSeconds(30), Duration.ofHours(1));

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaims claims(String uid, long expInSeconds, String issuer) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("uid", uid);
        claims.setSubject(uid);
        claims.setIssuer(issuer);
        long exp = Instant.now().getEpochSecond() + expInSeconds;
        claims.setIssuedAt(NumericDate.fromSeconds(exp - 900));
        claims.setExpirationTime(NumericDate.fromSeconds(exp));
        return claims;
    }

    private static String sign(JwtClaims claims, String alg, String kid, Key key) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private Caller verify(String jwt) throws InvalidTokenException {
        return verifier.verify(new PresentedToken(jwt, false));
    }

    @Test
    void aGoodTokenNamesItsCallerAndExpiry() throws Exception {
        JwtClaims claims = claims("alice@example.org", 600, "clusterlogs-auth");
        Caller caller = verify(sign(claims, AlgorithmIdentifiers.RSA_USING_SHA256, "k1", KEY.getPrivate()));
        assertEquals("alice@example.org", caller.uid());
        assertEquals(claims.getExpirationTime().getValue(), caller.expiresAt().getEpochSecond());
        assertFalse(caller.fromCookie());
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpiresAndTakesTheCarrierOfEachRequest() throws Exception {
        String token = sign(claims("bob", 600, "clusterlogs-auth"), AlgorithmIdentifiers.RSA_USING_SHA256, "k1",
                KEY.getPrivate());
        assertTrue(verifier.alreadyVerified(new PresentedToken(token, false)).isEmpty(), "not verified yet");
        verify(token);
        Caller fromCookie = verifier.alreadyVerified(new PresentedToken(token, true)).orElseThrow();
        assertEquals("bob", fromCookie.uid());
        assertTrue(fromCookie.fromCookie());
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        assertTrue(verifier.alreadyVerified(new PresentedToken(tampered, false)).isEmpty(), "other bytes: verified anew");

        String expiring = sign(claims("carol", -28, "clusterlogs-auth"), AlgorithmIdentifiers.RSA_USING_SHA256, "k1",
                KEY.getPrivate());
        verify(expiring); // within the 30 s skew
        Thread.sleep(3000);
        assertTrue(verifier.alreadyVerified(new PresentedToken(expiring, false)).isEmpty(), "expired since");
    }

    @Test
    void clockSkewIsThirtySeconds() throws Exception {
        verify(sign(claims("a", -20, "clusterlogs-auth"), AlgorithmIdentifiers.RSA_USING_SHA256, "k1", KEY.getPrivate()));
        String late = sign(claims("a", -40, "clusterlogs-auth"), AlgorithmIdentifiers.RSA_USING_SHA256, "k1",
                KEY.getPrivate());
        assertEquals("rejected by the JWT checks: expired", assertThrows(InvalidTokenException.class,
                () -> verify(late)).getMessage());
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedBeyondTheSkew() throws Exception {
        JwtClaims ahead = claims("a", 1200, "clusterlogs-auth");
        ahead.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond() + 300));
        String future = sign(ahead, AlgorithmIdentifiers.RSA_USING_SHA256, "k1", KEY.getPrivate());
        assertEquals("rejected by the JWT checks: iat in the future",
                assertThrows(InvalidTokenException.class, () -> verify(future)).getMessage());
        JwtClaims slightly = claims("a", 900, "clusterlogs-auth");
        slightly.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond() + 20));
        verify(sign(slightly, AlgorithmIdentifiers.RSA_USING_SHA256, "k1", KEY.getPrivate())); // a clock 20 s ahead
    }

    @Test
    void onlyRs256WithAPublishedKidAndTheIssuer() throws Exception {
        JwtClaims good = claims("a", 600, "clusterlogs-auth");
        String hsPem = sign(good, AlgorithmIdentifiers.HMAC_SHA256, "k1", new HmacKey(KEY.getPublic().getEncoded()));
        assertThrows(InvalidTokenException.class, () -> verify(hsPem));
        String ps256 = sign(good, AlgorithmIdentifiers.RSA_PSS_USING_SHA256, "k1", KEY.getPrivate());
        assertThrows(InvalidTokenException.class, () -> verify(ps256));
        String noKid = sign(good, AlgorithmIdentifiers.RSA_USING_SHA256, null, KEY.getPrivate());
        assertThrows(InvalidTokenException.class, () -> verify(noKid));
        String unknownKid = sign(good, AlgorithmIdentifiers.RSA_USING_SHA256, "k2", KEY.getPrivate());
        assertThrows(InvalidTokenException.class, () -> verify(unknownKid));
        String otherKey = sign(good, AlgorithmIdentifiers.RSA_USING_SHA256, "k1", keyPair().getPrivate());
        assertEquals("rejected by the JWT checks: bad signature",
                assertThrows(InvalidTokenException.class, () -> verify(otherKey)).getMessage());
        String wrongIssuer = sign(claims("a", 600, "elsewhere"), AlgorithmIdentifiers.RSA_USING_SHA256, "k1",
                KEY.getPrivate());
        assertEquals("rejected by the JWT checks: wrong iss",
                assertThrows(InvalidTokenException.class, () -> verify(wrongIssuer)).getMessage());
        String badUid = sign(claims("../x", 600, "clusterlogs-auth"), AlgorithmIdentifiers.RSA_USING_SHA256, "k1",
                KEY.getPrivate());
        assertThrows(InvalidTokenException.class, () -> verify(badUid));
        assertThrows(InvalidTokenException.class, () -> verify("bm90IGpzb24.e30.c2ln"));
    }

    @Test
    void onlyThreeNonEmptyBase64UrlSegmentsAreLookedInto() {
        for (String jwt : List.of("a.b", "a.b.c.d", "a..c", "a.b.c=", ".b.c", "a.b.", "a.b.c.", "..", "", "a.bé.c",
                "a.b+/.c", "a.b\u0000.c", "a.b.c ")) {
            InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verify(jwt), jwt);
            assertEquals("token is not three base64url segments", e.getMessage(), jwt);
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        InvalidTokenException shaped = assertThrows(InvalidTokenException.class,
                () -> verify(alphabet + "." + alphabet + ".x"));
        assertEquals("header is not base64url JSON", shaped.getMessage(), "the shape passed; the header did not");
    }

    @Test
    void keysThatCannotBeReadAreNotAnInvalidToken() throws Exception {
        TokenVerifier unreachable = new TokenVerifier(kid -> {
            throw new AuthUnavailableException("down");
        }, "clusterlogs-auth", Duration.ofSeconds(30), Duration.ofHours(1));
        String token = sign(claims("a", 600, "clusterlogs-auth"), AlgorithmIdentifiers.RSA_USING_SHA256, "k1",
                KEY.getPrivate());
        assertThrows(AuthUnavailableException.class, () -> unreachable.verify(new PresentedToken(token, true)));
    }
}
