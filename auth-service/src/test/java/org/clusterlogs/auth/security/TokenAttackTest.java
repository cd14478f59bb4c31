package org.clusterlogs.auth.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import org.clusterlogs.auth.login.AuthCookies;
import org.clusterlogs.auth.testsupport.Iam;
import org.clusterlogs.auth.testsupport.ServiceKeys;
import org.clusterlogs.auth.token.SigningKeyRing;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static io.restassured.RestAssured.given;
import static org.clusterlogs.auth.testsupport.Iam.API;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Tokens presented to the management API: the carriers of the contract and the attacks of
 * iam.md §12 — each refused with 401 ({@code WWW-Authenticate: acsjwt}, problem JSON, the token
 * never echoed), none a 500. Forged tokens signed with the service's real key come from the key
 * ring of the running service.
 */
@QuarkusTest
class TokenAttackTest {

    private static final String ROUTE = API + "/users";

    @Inject
    SigningKeyRing ring;

    private String admin;

    @BeforeEach
    void logIn() {
        admin = Iam.adminToken();
    }

    private static void refused(ValidatableResponse response, String token) {
        ProblemJson.assertProblem(response, 401).header("WWW-Authenticate", "acsjwt");
        if (token != null && token.length() > 10) {
            response.body(not(containsString(token.substring(token.length() - 10))));
        }
    }

    private static void refusedAsHeader(String token) {
        refused(given().header("Authorization", "token=" + token).get(ROUTE).then(), token);
        refused(given().header("Authorization", "Bearer " + token).get(ROUTE).then(), token);
    }

    /** Claims of a good admin token, to vary one thing at a time. */
    private static JwtClaimsBuilder claims(String uid) {
        long now = Instant.now().getEpochSecond();
        return Jwt.claims().issuer("clusterlogs-auth").subject(uid).claim("uid", uid).issuedAt(now)
                .expiresAt(now + 300).claim("jti", UUID.randomUUID().toString());
    }

    private String signed(JwtClaimsBuilder claims) {
        SigningKeyRing.LoadedKey key = ring.signer();
        return claims.jws().keyId(key.kid()).sign(key.privateKey());
    }

    @Test
    void theCarriers() {
        given().header("Authorization", "token=" + admin).get(ROUTE).then().statusCode(200);
        for (String scheme : new String[] {"Bearer ", "bearer ", "BEARER "}) {
            given().header("Authorization", scheme + admin).get(ROUTE).then().statusCode(200);
        }
        given().cookie(AuthCookies.AUTH, admin).get(ROUTE).then().statusCode(200);
        refused(given().get(ROUTE).then(), null);
        for (String header : new String[] {"Foo token=" + admin, "Bearer  " + admin, "Basic YTpi", "token=", admin,
                "Token=" + admin}) {
            refused(given().header("Authorization", header).get(ROUTE).then(), admin);
        }
        // an unusable header beats a good cookie
        refused(given().header("Authorization", "Basic YTpi").cookie(AuthCookies.AUTH, admin).get(ROUTE).then(), admin);
        // two Authorization headers
        refused(given().header("Authorization", "token=" + admin).header("Authorization", "token=" + admin)
                .get(ROUTE).then(), admin);
    }

    @Test
    void algNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + ring.signer().kid() + "\"}");
        String payload = admin.split("\\.")[1];
        refusedAsHeader(header + "." + payload + ".");
        refusedAsHeader(header + "." + payload + ".AAAA");
    }

    @Test
    void hs256SignedWithThePublicKey() throws Exception {
        SigningKeyRing.LoadedKey key = ring.signer();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.publicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + key.kid() + "\"}");
        String payload = admin.split("\\.")[1];
        for (byte[] secret : new byte[][] {pem.getBytes(StandardCharsets.US_ASCII), key.publicKey().getEncoded()}) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
            refusedAsHeader(header + "." + payload + "." + signature);
        }
    }

    @Test
    void unknownKeyTamperedPayloadAndMissingKid() {
        ServiceKeys stranger = ServiceKeys.generate();
        refusedAsHeader(claims("admin").jws().keyId(ring.signer().kid()).sign(stranger.pair().getPrivate()));
        refusedAsHeader(claims("admin").jws().keyId("unknown-kid").sign(stranger.pair().getPrivate()));
        String[] parts = admin.split("\\.");
        String tampered = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"admin\"", "\"admim\""));
        refusedAsHeader(parts[0] + "." + tampered + "." + parts[2]);
        refusedAsHeader(claims("admin").jws().sign(ring.signer().privateKey()));
    }

    @Test
    void claimsThatDoNotHold() {
        long now = Instant.now().getEpochSecond();
        refusedAsHeader(signed(claims("admin").issuedAt(now - 1000).expiresAt(now - 100)));
        refusedAsHeader(signed(claims("admin").issuer("someone-else")));
        refusedAsHeader(signed(claims("admin").subject("other")));
        refusedAsHeader(signed(claims("../admin").subject("../admin")));
        refusedAsHeader(signed(claims("admin/x").subject("admin/x")));
        refusedAsHeader(signed(claims("admin").expiresAt(now + 86_400)));
        // a token for a user that does not exist verifies, but the decision denies
        ProblemJson.assertProblem(given().header("Authorization", "token=" + signed(claims(Iam.unique("ghost"))))
                .get(ROUTE).then(), 403);
    }

    @Test
    void noExpiry() {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + ring.signer().kid() + "\"}");
        String payload = b64("{\"uid\":\"admin\",\"sub\":\"admin\",\"iss\":\"clusterlogs-auth\",\"iat\":" + now
                + ",\"jti\":\"j\"}");
        refusedAsHeader(signRaw(header + "." + payload));
    }

    @Test
    void oversizedAndMalformed() {
        refusedAsHeader("a".repeat(10 * 1024));
        refusedAsHeader("e30.e30." + "A".repeat(10 * 1024));
        refusedAsHeader("only.two");
        refusedAsHeader("a.b.c.d");
        refusedAsHeader("!!!.###.$$$");
        refusedAsHeader(b64("not json") + "." + b64("{}") + ".AAAA");
    }

    private String signRaw(String signingInput) {
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(ring.signer().privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
