package org.clusterlogs.auth.token;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.clusterlogs.auth.testsupport.Iam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.clusterlogs.auth.testsupport.Iam.API;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Key rotation without a restart, on a fast schedule (a key signs 6 s, the next one is published
 * 3 s before): the JWKS shows the next key before any token carries it, and a token signed by the
 * old key keeps working after the new key took over.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.FastRotation.class)
class KeyRotationTest {

    public static class FastRotation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.key-rotation.period", "6s", "auth.key-rotation.publish-ahead", "3s",
                    "auth.key-rotation.check-interval", "500ms");
        }
    }

    @Inject
    StoreVerificationKeys verificationKeys;

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(header).getString("kid");
    }

    private static List<String> jwksKids() {
        return given().get(API + "/auth/jwks").then().statusCode(200).extract().path("keys.kid");
    }

    @Test
    void theNextKeyIsPublishedBeforeItSignsAndTheOldOneKeepsVerifying() throws InterruptedException {
        String first = Iam.adminToken();
        String oldKid = kid(first);
        List<String> before = jwksKids();
        // a key that appears in the JWKS after the first look, and the poll at which it did
        String newKid = null;
        int seenInJwks = -1;
        int usedAt = -1;
        for (int i = 0; i < 120 && usedAt < 0; i++) {
            List<String> published = jwksKids();
            String signing = kid(Iam.adminToken());
            if (newKid == null) {
                newKid = published.stream().filter(k -> !before.contains(k)).findFirst().orElse(null);
                seenInJwks = newKid == null ? -1 : i;
            }
            if (newKid != null && signing.equals(newKid)) {
                usedAt = i;
            }
            assertTrue(published.contains(signing), "every signing kid is published: " + signing);
            Thread.sleep(250);
        }
        if (usedAt < 0) {
            fail("no new key was published and then used within 30 s");
        }
        assertTrue(seenInJwks < usedAt, "kid " + newKid + " signed at poll " + usedAt
                + " but the JWKS showed it first at poll " + seenInJwks);
        assertNotEquals(oldKid, newKid);
        // the first token, signed by a key that no longer signs, still works; its key is still published
        given().header("Authorization", "token=" + first).get(API + "/users").then().statusCode(200);
        assertTrue(jwksKids().contains(oldKid));
        assertTrue(verificationKeys.byKid(oldKid).isPresent());
        assertTrue(verificationKeys.byKid(newKid).isPresent());
        assertTrue(verificationKeys.byKid("no-such-kid").isEmpty());
    }
}
