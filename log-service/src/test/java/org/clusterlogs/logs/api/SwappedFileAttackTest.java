package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.clusterlogs.logs.testsupport.SseClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack of a hostile task on its own files while it is followed: {@code mv stdout stdout.1
 * && ln -s /etc/passwd stdout}. The stream never serves the target; it waits for a regular file
 * inside the root, goes on there, and the refusal is counted. Links inside the root, such as
 * Mesos' {@code runs/latest}, keep working.
 */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class SwappedFileAttackTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final String SECRET = "TOP-SECRET";
    private static final Pattern REFUSED = Pattern.compile("(?m)^logs_paths_refused_total(?:\\{[^}]*})? ([0-9.E]+)$");

    @TestHTTPResource("/")
    URL base;

    private Path secret;

    @BeforeEach
    void secret() throws IOException {
        secret = Files.writeString(LogRoots.outside().resolve("secret-" + UUID.randomUUID()),
                SECRET + "-1\n" + SECRET + "-2\n");
    }

    private String url(String route) {
        return base.toString().replaceAll("/$", "") + route;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
    }

    private static double refusals() {
        Matcher m = REFUSED.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertTrue(m.find(), "logs_paths_refused_total is exported");
        return Double.parseDouble(m.group(1));
    }

    private static List<String> messages(List<SseClient.Block> events) {
        return events.stream().map(e -> JsonPath.from(e.data()).getString("fields.MESSAGE")).toList();
    }

    /**
     * Follows {@code live}, swaps it for a link to the secret, appends to the secret, then
     * replaces the link by a regular file: the stream shows the lines before and after, never
     * the secret.
     */
    private void swapWhileFollowing(String route, Path live, String rotatedName, String firstLine,
                                    String lineAfter) throws Exception {
        double before = refusals();
        try (SseClient sse = SseClient.open(url(route) + "?cursor=BEG", null)) {
            assertEquals(200, sse.response().statusCode());
            assertEquals(List.of(firstLine), messages(sse.events(1, WAIT)));
            Files.move(live, live.resolveSibling(rotatedName), ATOMIC_MOVE);
            Files.createSymbolicLink(live, secret);
            append(secret, SECRET + "-3\n");
            assertEquals(List.of(), sse.eventsWithin(QUIET));
            assertTrue(refusals() > before, "the refused link is counted");
            Files.delete(live);
            append(live, lineAfter + "\n");
            assertEquals(List.of(lineAfter), messages(sse.events(1, WAIT)));
            assertFalse(sse.raw().contains(SECRET), sse.raw());
        }
    }

    @Test
    void taskFileSwappedForALink() throws Exception {
        Sandboxes sandbox = Sandboxes.create();
        Path stdout = sandbox.write("stdout", "before\n");
        swapWhileFollowing(sandbox.route("stdout"), stdout, "stdout.1", "before", "after");
        given().get(sandbox.route("stdout") + "?cursor=BEG").then().statusCode(200).body(equalTo("after\n"));
    }

    @Test
    void componentFileSwappedForALink() throws Exception {
        String name = "attack-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = Files.writeString(LogRoots.components().resolve(name + ".log"), "before\n");
        swapWhileFollowing("/system/v1/logs/v2/component/" + name, log, name + ".log.1", "before", "after");
    }

    @Test
    void podLogSwappedForALink() throws Exception {
        String pod = "attack-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createDirectories(LogRoots.pods().resolve("default_" + pod + "_" + UUID.randomUUID())
                .resolve("app"));
        Path live = dir.resolve("0.log");
        Files.writeString(live, "2026-11-21T12:00:01.000000000Z stdout F before\n");
        Files.writeString(secret, "2026-11-21T12:00:02.000000000Z stdout F " + SECRET + "\n");
        String route = "/system/v1/logs/v2/pods/default/" + pod + "/app";
        try (SseClient sse = SseClient.open(url(route) + "?cursor=BEG", null)) {
            assertEquals(List.of("before"), messages(sse.events(1, WAIT)));
            Files.move(live, dir.resolve("0.log.20261121-120001"), ATOMIC_MOVE);
            Files.createSymbolicLink(live, secret);
            append(secret, "2026-11-21T12:00:03.000000000Z stdout F " + SECRET + "\n");
            assertEquals(List.of(), sse.eventsWithin(QUIET));
            Files.delete(live);
            append(live, "2026-11-21T12:00:04.000000000Z stdout F after\n");
            assertEquals(List.of("after"), messages(sse.events(1, WAIT)));
            assertFalse(sse.raw().contains(SECRET), sse.raw());
        }
        given().get(route + "?cursor=BEG").then().statusCode(200).body(equalTo("before\nafter\n"));
    }

    @Test
    void runsLatestLinkInsideTheRootIsServed() throws IOException {
        Sandboxes sandbox = Sandboxes.create();
        sandbox.write("stdout", "via latest\n");
        Files.createSymbolicLink(sandbox.dir().resolveSibling("latest"), sandbox.dir());
        String latest = "/system/v1/logs/v2/task/frameworks/" + sandbox.framework() + "/executors/"
                + sandbox.executor() + "/runs/latest/";
        given().get(latest + "stdout").then().statusCode(200).body(equalTo("via latest\n"));
        given().get(latest + "stdout/download").then().statusCode(200).body(equalTo("via latest\n"));
        given().get(latest + "files/browse").then().statusCode(200).body(containsString("stdout"));
    }

    @Test
    void sandboxLinkedOutOfTheRootIsRefused() throws IOException {
        Sandboxes sandbox = Sandboxes.create();
        Files.writeString(LogRoots.outside().resolve("stdout"), SECRET + "\n");
        Files.createSymbolicLink(sandbox.dir().resolveSibling("elsewhere"), LogRoots.outside());
        String run = "/system/v1/logs/v2/task/frameworks/" + sandbox.framework() + "/executors/"
                + sandbox.executor() + "/runs/elsewhere/";
        for (String path : List.of("stdout", "stdout/download", "files/browse")) {
            given().get(run + path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("BadPath"))
                    .body(org.hamcrest.Matchers.not(containsString(SECRET)));
        }
    }
}
