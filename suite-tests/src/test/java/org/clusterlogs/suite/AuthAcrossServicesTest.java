package org.clusterlogs.suite;

import org.clusterlogs.testing.process.PemFiles;
import org.clusterlogs.testing.process.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * auth-service and log-service as the packaged jars, as processes, as an operator runs them: the
 * log service registers with its service account (key pair made here, public half registered by
 * auth-service's bootstrap), verifies callers' tokens against auth-service's JWKS and asks its
 * policy query. A grant given or revoked at auth-service takes effect at log-service within 5 s
 * (log-service remembers an answer for up to 4 s, auth-service for up to 1 s), and an open stream
 * ends once its permission is gone.
 */
class AuthAcrossServicesTest {

    private static final String SYSTEM_LOGS = "dcos:adminrouter:ops:system-logs";
    private static final String TASK_PATH =
            "/system/v1/logs/v2/task/frameworks/fw/executors/ex/runs/c1/stdout";
    /** The longest a decision may be remembered in all: 4 s at log-service, 1 s at auth-service. */
    private static final Duration DECISION_CACHE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * HTTP/1.1, as curl and most clients speak it. (java.net.http would upgrade to HTTP/2, whose
     * smaller header list limit answers a 10 KB header with 431 before any token rule.)
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path work;

    private static ServiceProcess auth;
    private static ServiceProcess logs;
    private static String adminToken;

    @BeforeAll
    static void startTheSuite() throws Exception {
        String adminPassword = UUID.randomUUID().toString();
        KeyPair account = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path privateKey = PemFiles.write(work.resolve("log-service.pem"), "PRIVATE KEY", account.getPrivate().getEncoded());
        Path publicKey = PemFiles.write(work.resolve("log-service.pub.pem"), "PUBLIC KEY", account.getPublic().getEncoded());
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        auth = ServiceProcess.start("auth-service", Map.of(
                        "auth.data-dir", work.resolve("auth-data").toString(),
                        "auth.bootstrap.uid", "admin",
                        "auth.bootstrap.service-accounts.\"log-service\".public-key", publicKey.toString()),
                Map.of("AUTH_BOOTSTRAP_PASSWORD", adminPassword,
                        "AUTH_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(kek)),
                work);

        Path sandbox = Files.createDirectories(work.resolve("sandbox/frameworks/fw/executors/ex/runs/c1"));
        Files.writeString(sandbox.resolve("stdout"), "first\nsecond\n");
        logs = ServiceProcess.start("log-service", Map.of(
                        "auth.url", auth.url(),
                        "auth.service-account.private-key", privateKey.toString(),
                        "auth.stream-recheck", "1s",
                        "logs.sandbox-root", work.resolve("sandbox").toString(),
                        "logs.pods-root", work.resolve("pods").toString(),
                        "logs.components-dir", work.resolve("components").toString(),
                        "logs.journal-dir", work.resolve("journal").toString()),
                Map.of(), work);
        adminToken = login("admin", adminPassword);
    }

    @AfterAll
    static void stopTheSuite() {
        if (logs != null) {
            logs.close();
        }
        if (auth != null) {
            auth.close();
        }
    }

    @Test
    void withoutATokenLogServiceAnswers401WithTheAcsjwtChallenge() throws Exception {
        HttpResponse<String> answer = get(logs.url() + TASK_PATH, null);
        assertEquals(401, answer.statusCode(), logs.output());
        assertEquals("acsjwt", answer.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aSuperuserTokenFromAuthServiceReadsALog() throws Exception {
        HttpResponse<String> answer = get(logs.url() + TASK_PATH, adminToken);
        assertEquals(200, answer.statusCode(), answer.body() + "\n" + logs.output());
        assertEquals("first\nsecond\n", answer.body());
    }

    @Test
    void aGrantAndItsRevocationTakeEffectAtLogServiceWithinTheDecisionCacheLifetime() throws Exception {
        String uid = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        String token = newUser(uid);
        assertEquals(403, get(logs.url() + TASK_PATH, token).statusCode(), "no grant yet");

        grant(uid, true);
        long granted = System.nanoTime();
        awaitStatus(200, token, granted, "after the grant");

        grant(uid, false);
        long revoked = System.nanoTime();
        awaitStatus(403, token, revoked, "after the revocation");
    }

    @Test
    void anOpenStreamEndsOnceItsPermissionIsRevoked() throws Exception {
        String uid = "follower-" + UUID.randomUUID().toString().substring(0, 8);
        String token = newUser(uid);
        grant(uid, true);
        awaitStatus(200, token, System.nanoTime(), "before following");

        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(logs.url() + TASK_PATH + "?cursor=BEG"))
                        .header("Authorization", "token=" + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        CompletableFuture<Long> endedAt = CompletableFuture.supplyAsync(() -> {
            try {
                while (events.readLine() != null) {
                    // the stream's events until it ends
                }
                return System.nanoTime();
            } catch (IOException e) {
                return System.nanoTime(); // ended by a reset: also an end
            }
        });
        Thread.sleep(500);
        assertTrue(!endedAt.isDone(), "the stream is open while the grant stands");

        grant(uid, false);
        long revoked = System.nanoTime();
        // the caches may answer "allowed" for up to 5 s, and the stream is re-checked every second
        long ended = endedAt.get(DECISION_CACHE.toSeconds() + 10, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(ended - revoked);
        assertTrue(took.compareTo(DECISION_CACHE.plusSeconds(3)) <= 0, "stream ended " + took + " after the revocation");
    }

    /**
     * Forged and broken tokens at log-service, checked against the real JWKS of the real
     * auth-service: each is a 401 with the challenge, none a 500, and the token is never echoed.
     */
    @Test
    void forgedAndBrokenTokensAreRefusedByLogServiceWith401() throws Exception {
        String[] parts = adminToken.split("\\.");
        String header = decode(parts[0]);
        String payload = decode(parts[1]);
        String kid = JSON.readTree(header).path("kid").asText();
        JsonNode jwk = JSON.readTree(get(auth.url() + "/acs/api/v1/auth/jwks", null).body()).path("keys").get(0);

        String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".";
        String hsHeader = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
        byte[] publicKeyBytes = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText())))).getEncoded();
        String hs256 = hsHeader + "." + parts[1] + "." + hmac(publicKeyBytes, hsHeader + "." + parts[1]);
        String tampered = parts[0] + "." + encode(payload.replace("\"admin\"", "\"admim\"")) + "." + parts[2];
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String strangersToken = parts[0] + "." + parts[1] + "." + rs256(stranger, parts[0] + "." + parts[1]);

        for (String token : List.of(none, hs256, tampered, strangersToken, "a.b", "x".repeat(10_000))) {
            HttpResponse<String> answer = get(logs.url() + TASK_PATH, token);
            assertEquals(401, answer.statusCode(), token.length() > 80 ? token.substring(0, 80) : token);
            assertEquals("acsjwt", answer.headers().firstValue("WWW-Authenticate").orElse(""));
            assertFalse(answer.body().contains(token.substring(Math.max(0, token.length() - 20))), "token echoed");
        }
        HttpResponse<String> twoHeaders = HTTP.send(HttpRequest.newBuilder(URI.create(logs.url() + TASK_PATH))
                .header("Authorization", "token=" + adminToken).header("Authorization", "token=" + adminToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, twoHeaders.statusCode(), "two Authorization headers");
    }

    // ------------------------------------------------------------------------------------ helpers

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(byte[] key, String signingInput) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String rs256(KeyPair key, String signingInput) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static void awaitStatus(int status, String token, long since, String when) throws Exception {
        Duration limit = DECISION_CACHE.plusMillis(500);
        while (true) {
            int now = get(logs.url() + TASK_PATH, token).statusCode();
            Duration waited = Duration.ofNanos(System.nanoTime() - since);
            if (now == status) {
                return;
            }
            if (waited.compareTo(limit) > 0) {
                fail("still " + now + " " + waited + " " + when + ", expected " + status + " within " + limit);
            }
            Thread.sleep(100);
        }
    }

    /** A new user with a password; answers its token. */
    private static String newUser(String uid) throws Exception {
        String password = UUID.randomUUID().toString();
        HttpResponse<String> created = send("PUT", auth.url() + "/acs/api/v1/users/" + uid,
                "{\"description\":\"suite test user\",\"password\":\"" + password + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return login(uid, password);
    }

    /** Gives or takes {@code uid}'s {@code full} on the system logs. */
    private static void grant(String uid, boolean give) throws Exception {
        String acl = auth.url() + "/acs/api/v1/acls/" + SYSTEM_LOGS;
        HttpResponse<String> created = send("PUT", acl, "{\"description\":\"system logs\"}");
        assertTrue(created.statusCode() == 201 || created.statusCode() == 409, created.body());
        HttpResponse<String> changed = send(give ? "PUT" : "DELETE", acl + "/users/" + uid + "/full", null);
        assertEquals(204, changed.statusCode(), changed.body());
    }

    private static String login(String uid, String password) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(auth.url() + "/acs/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"uid\":\"" + uid + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body() + "\n" + auth.output());
        JsonNode body = JSON.readTree(answer.body());
        return body.path("token").asText();
    }

    private static HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "token=" + adminToken);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "token=" + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
