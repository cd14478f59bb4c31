package org.clusterlogs.suite;

import org.clusterlogs.testing.process.ServiceProcess;
import org.clusterlogs.testing.auth.FakeAuthServer;
import org.clusterlogs.testing.auth.TestTokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The claim checks of the packaged log-service, black-box: tokens signed with a key it trusts
 * (published by a stand-in auth-service on loopback, as a leaked or misused signing key would be)
 * whose claims the suite never issues. Each is a 401 with the challenge and a problem body, none
 * a 500, the token never echoed; a good token made the same way is served, so each 401 is the
 * claim's doing and not the key's.
 */
class ClaimsAtLogServiceTest {

    private static final String LOGS = "dcos:adminrouter:ops:system-logs";
    private static final String TASK_PATH = "/system/v1/logs/v2/task/frameworks/fw/executors/ex/runs/c1/stdout";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path work;

    private static FakeAuthServer authService;
    private static ServiceProcess logs;

    @BeforeAll
    static void start() throws Exception {
        authService = new FakeAuthServer();
        authService.init(Map.of("service-uid", "log-service"));
        Map<String, String> properties = new HashMap<>(authService.start());
        Path sandbox = Files.createDirectories(work.resolve("sandbox/frameworks/fw/executors/ex/runs/c1"));
        Files.writeString(sandbox.resolve("stdout"), "first\nsecond\n");
        properties.putAll(Map.of(
                "logs.sandbox-root", work.resolve("sandbox").toString(),
                "logs.pods-root", work.resolve("pods").toString(),
                "logs.components-dir", work.resolve("components").toString(),
                "logs.journal-dir", work.resolve("journal").toString()));
        logs = ServiceProcess.start("log-service", properties, Map.of(), work);
    }

    @AfterAll
    static void stop() {
        if (logs != null) {
            logs.close();
        }
        if (authService != null) {
            authService.stop();
        }
    }

    @Test
    void aTokenOfTheTrustedKeyWithTheSuitesClaimsIsServed() throws Exception {
        FakeAuthServer.GRANTS.add("alice " + LOGS + " full");
        HttpResponse<String> answer = get(TestTokens.valid("alice"));
        assertEquals(200, answer.statusCode(), answer.body() + "\n" + logs.output());
        assertEquals("first\nsecond\n", answer.body());
    }

    @Test
    void claimsTheSuiteNeverIssuesAre401() throws Exception {
        Instant now = Instant.now();
        Map<String, JwtClaims> forged = new LinkedHashMap<>();
        forged.put("expired beyond the 30 s skew", TestTokens.claims("alice", now.minusSeconds(120), FakeAuthServer.ISSUER));
        forged.put("no exp", TestTokens.claims("alice", null, FakeAuthServer.ISSUER));
        forged.put("another issuer", TestTokens.claims("alice", now.plusSeconds(600), "someone-else"));
        forged.put("no issuer", TestTokens.claims("alice", now.plusSeconds(600), null));
        JwtClaims tooLong = TestTokens.claims("alice", now.plus(java.time.Duration.ofHours(3)), FakeAuthServer.ISSUER);
        tooLong.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        forged.put("lives 3 h (longer than any token the suite issues)", tooLong);
        JwtClaims future = TestTokens.claims("alice", now.plusSeconds(600), FakeAuthServer.ISSUER);
        future.setIssuedAt(NumericDate.fromSeconds(now.plusSeconds(300).getEpochSecond()));
        forged.put("issued in the future", future);
        JwtClaims notYet = TestTokens.claims("alice", now.plusSeconds(600), FakeAuthServer.ISSUER);
        notYet.setNotBefore(NumericDate.fromSeconds(now.plusSeconds(300).getEpochSecond()));
        forged.put("not valid before 5 min from now", notYet);
        JwtClaims otherSubject = TestTokens.claims("alice", now.plusSeconds(600), FakeAuthServer.ISSUER);
        otherSubject.setSubject("bob");
        forged.put("sub names another user", otherSubject);
        JwtClaims noUid = TestTokens.claims("alice", now.plusSeconds(600), FakeAuthServer.ISSUER);
        noUid.unsetClaim("uid");
        forged.put("no uid", noUid);
        for (String uid : List.of("../alice", "alice/../bob", "a/b", "a%2Fb", "alice\u0000", "alice\n", "", " alice")) {
            FakeAuthServer.GRANTS.add(uid + " " + LOGS + " full");
            JwtClaims claims = TestTokens.claims(uid, now.plusSeconds(600), FakeAuthServer.ISSUER);
            forged.put("uid " + printable(uid), claims);
        }
        FakeAuthServer.GRANTS.add("alice " + LOGS + " full");

        KeyPair trusted = FakeAuthServer.signingKey();
        for (Map.Entry<String, JwtClaims> attempt : forged.entrySet()) {
            String token = TestTokens.signed(attempt.getValue(), FakeAuthServer.signingKid, trusted.getPrivate());
            assertRefused(attempt.getKey(), token);
        }
        assertRefused("a kid nobody published", TestTokens.signed(
                TestTokens.claims("alice", now.plusSeconds(600), FakeAuthServer.ISSUER), "k-unknown", trusted.getPrivate()));
    }

    private static void assertRefused(String what, String token) throws Exception {
        HttpResponse<String> answer = get(token);
        assertEquals(401, answer.statusCode(), what + ": " + answer.body() + "\n" + logs.output());
        assertEquals("acsjwt", answer.headers().firstValue("WWW-Authenticate").orElse(""), what);
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), what);
        assertFalse(answer.body().contains(token.substring(token.length() - 20)), what + ": token echoed");
    }

    private static HttpResponse<String> get(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(logs.url() + TASK_PATH))
                .header("Authorization", "token=" + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String printable(String uid) {
        return uid.replace("\u0000", "\\0").replace("\n", "\\n");
    }
}
