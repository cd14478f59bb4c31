package org.clusterlogs.logs.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.clusterlogs.logs.testsupport.SseClient;
import org.clusterlogs.testing.ProblemJson;
import org.clusterlogs.testing.auth.FakeAuthServer;
import org.clusterlogs.testing.auth.TestTokens;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * log-service with authentication on, over real sockets: every carrier rule, every attack on the
 * token (each a 401, never a 500), 403 on a missing grant, superuser, the agent routes' second
 * permission, revocation within the decision cache's 4 s, streams that end on revocation and on
 * expiry, key rotation, and a policy query that cannot be reached (503).
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
@QuarkusTestResource(LogRoots.class)
class LogRoutesAuthTest {

    private static final String LOGS = "dcos:adminrouter:ops:system-logs";

    @TestHTTPResource("/")
    URL base;

    private Sandboxes sandbox;
    private String route;

    @BeforeEach
    void logToRead() {
        FakeAuthServer.down = false;
        sandbox = Sandboxes.create();
        sandbox.write("stdout", "one\ntwo\n");
        route = sandbox.route("stdout");
    }

    /** A uid of its own for each test, so the decision cache of one test never answers another. */
    private static String granted(String name) {
        String uid = name + "-" + System.nanoTime();
        FakeAuthServer.GRANTS.add(uid + " " + LOGS + " full");
        return uid;
    }

    private static RequestSpecification with(String authorization) {
        return given().header("Authorization", authorization);
    }

    private static ValidatableResponse assert401(ValidatableResponse response, String path) {
        return ProblemJson.assertProblem(response, 401).header("WWW-Authenticate", "acsjwt")
                .body("instance", equalTo(path));
    }

    @Test
    void everyCarrierOfTheContract() {
        String token = TestTokens.valid(granted("carrier"));
        with("token=" + token).get(route).then().statusCode(200).body(equalTo("one\ntwo\n"));
        for (String scheme : List.of("Bearer ", "bearer ", "BEARER ", "bEaReR ")) {
            with(scheme + token).get(route).then().statusCode(200);
        }
        given().cookie("dcos-acs-auth-cookie", token).get(route).then().statusCode(200);
    }

    @Test
    void headerThatDoesNotFollowTheContractIs401() {
        String token = TestTokens.valid(granted("shape"));
        for (String header : List.of("Token=" + token, "token= " + token, "Bearer  " + token, "Foo token=" + token,
                "Basic " + token, "Bearer", "token=", "token=abc.def", "token=a.b.c.d", "token=" + token + "!")) {
            assert401(with(header).get(route).then(), route).body("code", equalTo("ERR_INVALID_TOKEN"));
        }
    }

    @Test
    void noTokenIs401MissingToken() {
        assert401(given().get(route).then(), route).body("code", equalTo("ERR_MISSING_TOKEN"));
    }

    @Test
    void badHeaderBeatsGoodCookie() {
        String token = TestTokens.valid(granted("cookie"));
        assert401(given().cookie("dcos-acs-auth-cookie", token).header("Authorization", "Bearer nonsense")
                .get(route).then(), route);
        assert401(given().cookie("dcos-acs-auth-cookie", "not-a-token").get(route).then(), route);
    }

    @Test
    void twoAuthorizationHeadersAre401() throws Exception {
        String token = TestTokens.valid(granted("two"));
        // a raw request: HTTP clients merge or drop repeated headers, an attacker's does not
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + route + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: token=" + token + "\r\nAuthorization: token=" + token + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 401 "), answer);
            assertTrue(answer.contains("WWW-Authenticate: acsjwt"), answer);
        }
    }

    @Test
    void attacksOnTheTokenAre401NeverA500() {
        String uid = granted("attacked");
        var key = FakeAuthServer.signingKey();
        String kid = FakeAuthServer.signingKid;
        JwtClaims good = TestTokens.claims(uid, Instant.now().plusSeconds(600), FakeAuthServer.ISSUER);
        var stranger = FakeAuthServer.newKeyPair();
        String valid = TestTokens.valid(uid);
        JwtClaims superuser = TestTokens.claims("root", Instant.now().plusSeconds(600), FakeAuthServer.ISSUER);
        List<String> attacks = List.of(
                TestTokens.unsigned(good, kid),
                TestTokens.unsigned(good, kid) + "AAAA",
                TestTokens.hs256(good, kid, TestTokens.pem(key.getPublic()).getBytes(StandardCharsets.US_ASCII)),
                TestTokens.hs256(good, kid, key.getPublic().getEncoded()),
                TestTokens.signed(good, "stranger", stranger.getPrivate()),
                TestTokens.signed(good, kid, stranger.getPrivate()),
                TestTokens.withPayload(valid, superuser),
                TestTokens.signed(TestTokens.claims(uid, Instant.now().minusSeconds(120), FakeAuthServer.ISSUER),
                        kid, key.getPrivate()),
                TestTokens.signed(TestTokens.claims(uid, null, FakeAuthServer.ISSUER), kid, key.getPrivate()),
                TestTokens.signed(good, null, key.getPrivate()),
                TestTokens.signed(TestTokens.claims(uid, Instant.now().plusSeconds(600), "someone-else"), kid,
                        key.getPrivate()),
                TestTokens.signed(TestTokens.claims(uid, Instant.now().plusSeconds(600), null), kid, key.getPrivate()),
                TestTokens.signed(TestTokens.claims("../../etc/passwd", Instant.now().plusSeconds(600),
                        FakeAuthServer.ISSUER), kid, key.getPrivate()),
                TestTokens.signed(TestTokens.claims("a/b", Instant.now().plusSeconds(600), FakeAuthServer.ISSUER),
                        kid, key.getPrivate()),
                TestTokens.signed(TestTokens.claims("anonymous", Instant.now().plusSeconds(600), FakeAuthServer.ISSUER),
                        kid, key.getPrivate()),
                "a".repeat(5000) + "." + "b".repeat(5000) + "." + "c".repeat(200));
        for (String attack : attacks) {
            assert401(with("token=" + attack).get(route).then(), route).body("code", equalTo("ERR_INVALID_TOKEN"))
                    .body(not(containsString(attack.substring(0, 20))));
            with("Bearer " + attack).get(route).then().statusCode(401);
        }
        // the valid one still works: the attacks did not poison anything
        with("token=" + valid).get(route).then().statusCode(200);
    }

    @Test
    void expiryHasThirtySecondsOfSkewAndNoMore() {
        String uid = granted("skew");
        with("token=" + TestTokens.expiringAt(uid, Instant.now().minusSeconds(10))).get(route).then().statusCode(200);
        with("token=" + TestTokens.expiringAt(uid, Instant.now().minusSeconds(45))).get(route).then().statusCode(401);
    }

    @Test
    void tenKilobyteHeaderIs401() {
        assert401(with("token=" + "x".repeat(10 * 1024)).get(route).then(), route);
        assert401(with("Bearer " + "e30." .repeat(2600) + "sig").get(route).then(), route);
    }

    @Test
    void withoutTheGrantIs403AndWithSuperuserOrGrant200() {
        String nobody = "nobody-" + System.nanoTime();
        ProblemJson.assertProblem(with("token=" + TestTokens.valid(nobody)).get(route).then(), 403, "ERR_FORBIDDEN", route)
                .header("WWW-Authenticate", (String) null);
        String root = "root-" + System.nanoTime();
        FakeAuthServer.GRANTS.add(root + " dcos:superuser read");
        with("token=" + TestTokens.valid(root)).get(route).then().statusCode(200);
        String reader = "reader-" + System.nanoTime();
        FakeAuthServer.GRANTS.add(reader + " " + LOGS + " read"); // adminrouter rids need full
        with("token=" + TestTokens.valid(reader)).get(route).then().statusCode(403);
    }

    @Test
    void everyLogRouteFamilyIsGuarded() {
        String nobody = TestTokens.valid("nobody-" + System.nanoTime());
        String mesosPath = "/var/lib/mesos/slave/slaves/" + LogRoots.AGENT_ID + "/frameworks/" + sandbox.framework()
                + "/executors/" + sandbox.executor() + "/runs/" + sandbox.container() + "/stdout";
        for (String path : List.of("/system/v1/logs/v2/component", "/system/v1/logs/v2/pods/ns/pod/c",
                "/files/browse", "/files/download", "/system/v1/agent/x/logs/v2/component", "/no/such/route")) {
            given().queryParam("path", mesosPath).get(path).then().statusCode(401);
        }
        for (String path : List.of("/system/v1/logs/v2/component", "/files/read", "/system/v1/agent/x/logs/v2/component")) {
            with("token=" + nobody).queryParam("path", mesosPath).get(path).then().statusCode(403);
        }
        String uid = granted("files");
        with("token=" + TestTokens.valid(uid)).queryParam("path", mesosPath).queryParam("offset", 0)
                .get("/files/read").then().statusCode(200).body("data", equalTo("one\ntwo\n"));
    }

    @Test
    void agentRoutesAlsoTakeTheAgentPermission() {
        String agent = "agent-" + System.nanoTime();
        FakeAuthServer.GRANTS.add(agent + " dcos:adminrouter:system:agent full");
        String token = "token=" + TestTokens.valid(agent);
        // allowed through: log-service itself serves no agent route, so the answer is its 404
        ProblemJson.assertProblem(with(token).get("/system/v1/agent/a1/logs/v2/component").then(), 404);
        with(token).get(route).then().statusCode(403);
    }

    @Test
    void operatorEndpointsStayOpenWhateverTheToken() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(200);
            with("token=garbage").get(path).then().statusCode(200);
        }
    }

    @Test
    void cookieWritesNeedTheCsrfHeader() {
        String token = TestTokens.valid(granted("csrf"));
        ProblemJson.assertProblem(given().cookie("dcos-acs-auth-cookie", token).post(route).then(), 403,
                "ERR_CSRF_HEADER_MISSING", route);
        // with the header, or with a header token, the request gets through (to log-service's 405)
        given().cookie("dcos-acs-auth-cookie", token).header("X-Requested-By", "ui").post(route).then().statusCode(405);
        with("token=" + token).post(route).then().statusCode(405);
        // HEAD is safe: no header needed (log-service then answers it 405, as it does without auth)
        given().cookie("dcos-acs-auth-cookie", token).head(route).then().statusCode(405);
    }

    @Test
    void revokingAGrantBitesWithinTheFourSecondsOfTheDecisionCache() {
        String uid = granted("revoked");
        String token = "token=" + TestTokens.valid(uid);
        with(token).get(route).then().statusCode(200);
        FakeAuthServer.GRANTS.remove(uid + " " + LOGS + " full");
        long start = System.nanoTime();
        // this fake auth-service remembers nothing: what a real one adds (at most 1 s) is its own test's
        assertTrue(FakeAuthServer.eventually(Duration.ofMillis(4500), () -> with(token).get(route).statusCode() == 403),
                "still allowed 4.5 s after the revocation");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() <= 4500);
    }

    @Test
    void aFollowEndsCleanlyWhenItsGrantIsRevoked() throws Exception {
        String uid = granted("follower");
        try (SseClient sse = SseClient.open(url(route + "?cursor=END"), null, "token=" + TestTokens.valid(uid))) {
            assertEquals(200, sse.response().statusCode());
            Files.writeString(sandbox.dir().resolve("stdout"), "three\n", StandardOpenOption.APPEND);
            assertEquals(1, sse.events(1, Duration.ofSeconds(10)).size());
            FakeAuthServer.GRANTS.remove(uid + " " + LOGS + " full");
            // cache (4 s) + check interval (1 s in this profile), with a margin
            assertTrue(sse.endsWithin(Duration.ofSeconds(9)), "the stream did not end after the revocation");
        }
    }

    @Test
    void aFollowEndsCleanlyWhenItsTokenExpires() throws Exception {
        String uid = granted("expiring");
        // 5 s: enough for the stream to start and ping first on a busy machine (a follow ended
        // before its first idle moment has nothing to show but a 204)
        Instant exp = Instant.now().plusSeconds(5);
        try (SseClient sse = SseClient.open(url(route + "?cursor=END"), null,
                "token=" + TestTokens.expiringAt(uid, exp))) {
            assertEquals(200, sse.response().statusCode());
            assertTrue(sse.endsWithin(Duration.ofSeconds(10)), "the stream outlived its token");
            assertFalse(Instant.now().isBefore(Instant.ofEpochSecond(exp.getEpochSecond())),
                    "the stream ended before its token expired");
        }
    }

    @Test
    void aNewSigningKeyIsFetchedOnItsFirstTokenAndUnknownKidsAreRateLimited() {
        String uid = granted("rotated");
        with("token=" + TestTokens.valid(uid)).get(route).then().statusCode(200); // keys known
        var next = FakeAuthServer.newKeyPair();
        FakeAuthServer.PUBLISHED.put("k2-" + uid, next);
        JwtClaims claims = TestTokens.claims(uid, Instant.now().plusSeconds(600), FakeAuthServer.ISSUER);
        int before = FakeAuthServer.JWKS_FETCHES.get();
        assertTrue(FakeAuthServer.eventually(Duration.ofSeconds(5), () ->
                with("token=" + TestTokens.signed(claims, "k2-" + uid, next.getPrivate())).get(route).statusCode() == 200));
        int after = FakeAuthServer.JWKS_FETCHES.get();
        assertTrue(after > before, "the JWKS was not fetched again");
        for (int i = 0; i < 20; i++) {
            with("token=" + TestTokens.signed(claims, "made-up-" + i, next.getPrivate())).get(route).then().statusCode(401);
        }
        assertTrue(FakeAuthServer.JWKS_FETCHES.get() - after <= 1,
                "unknown kids fetched the JWKS " + (FakeAuthServer.JWKS_FETCHES.get() - after) + " times");
    }

    @Test
    void unreachablePolicyQueryIs503WithRetryAfter() {
        String uid = granted("outage");
        String token = "token=" + TestTokens.valid(uid);
        FakeAuthServer.down = true;
        try {
            ProblemJson.assertProblem(with(token).get(route).then(), 503, "ERR_AUTH_UNAVAILABLE", route)
                    .header("Retry-After", "5");
        } finally {
            FakeAuthServer.down = false;
        }
        with(token).get(route).then().statusCode(200);
    }

    @Test
    void everyDecisionIsAnAuditLine() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if ("audit".equals(record.getLoggerName())) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger audit = Logger.getLogger("audit");
        audit.addHandler(handler);
        try {
            String uid = granted("audited");
            String token = TestTokens.valid(uid);
            with("token=" + token).get(route).then().statusCode(200);
            String nobody = "unaudited-" + System.nanoTime();
            with("token=" + TestTokens.valid(nobody)).get(route).then().statusCode(403);
            given().get(route).then().statusCode(401);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("type=audit timestamp=") && l.contains(
                    " authorizer=log-service object=" + LOGS + " action=full result=allow reason=\"IAM PQ response\"")
                    && l.contains(" uid=" + uid + " request_uri=" + route)), () -> "no allow line in " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains("result=deny") && l.contains(" uid=" + nobody)),
                    () -> "no deny line in " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains("result=deny reason=\"not authenticated: no token\"")),
                    () -> "no unauthenticated line in " + lines);
            assertTrue(lines.stream().noneMatch(l -> l.contains(token.substring(0, 30))), "a token reached the audit log");
        } finally {
            audit.removeHandler(handler);
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
