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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Following a task file over SSE: exact bytes, resume, rotation, keep-alive, release on disconnect. */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class TaskFileFollowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL base;

    private Sandboxes sandbox;
    private Path stdout;

    @BeforeEach
    void fixture() {
        sandbox = Sandboxes.create();
        stdout = sandbox.write("stdout", "one\ntwo\nthree\nfour\nfive\n");
    }

    private String url(String query) {
        return base.toString().replaceAll("/$", "") + sandbox.route("stdout") + query;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
    }

    private static String message(SseClient.Block event) {
        return JsonPath.from(event.data()).getString("fields.MESSAGE");
    }

    @Test
    void sseBytesAndIdOnEveryEvent() throws Exception {
        try (SseClient sse = SseClient.open(url(""), null)) {
            assertEquals(200, sse.response().statusCode());
            assertEquals("text/event-stream", sse.response().headers().firstValue("Content-Type").orElse(""));
            assertEquals("no", sse.response().headers().firstValue("X-Accel-Buffering").orElse(""));
            List<SseClient.Block> events = sse.events(5, WAIT);
            assertEquals(List.of("3", "7", "13", "18", "23"), events.stream().map(SseClient.Block::id).toList());
            String fields = "\"AGENT_ID\":\"" + LogRoots.AGENT_ID + "\",\"CONTAINER_ID\":\"c1\",\"EXECUTOR_ID\":\"ex1\","
                    + "\"FILE\":\"stdout\",\"FRAMEWORK_ID\":\"" + sandbox.framework() + "\"";
            assertEquals("id: 3\ndata: {\"fields\":{" + fields + ",\"MESSAGE\":\"one\"},\"cursor\":\"3\"}\n\n",
                    events.get(0).raw());
            append(stdout, "six\n");
            SseClient.Block six = sse.events(1, WAIT).get(0);
            assertEquals("27", six.id());
            assertEquals("six", message(six));
        }
    }

    @Test
    void resumeWithLastEventIdLosesAndRepeatsNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        String lastId;
        try (SseClient sse = SseClient.open(url("?cursor=END&skip=-2"), null)) {
            List<SseClient.Block> events = sse.events(2, WAIT);
            events.forEach(e -> seen.add(message(e)));
            lastId = events.get(1).id();
        }
        append(stdout, "six\nseven\n");
        try (SseClient sse = SseClient.open(url("?cursor=END&skip=-2&limit=1"), lastId)) {
            sse.events(2, WAIT).forEach(e -> seen.add(message(e)));
            append(stdout, "eight\n");
            SseClient.Block eight = sse.events(1, WAIT).get(0);
            seen.add(message(eight));
            lastId = eight.id();
            assertTrue(sse.eventsWithin(Duration.ofMillis(500)).isEmpty());
        }
        assertEquals(List.of("four", "five", "six", "seven", "eight"), seen);
        assertEquals(String.valueOf(Files.size(stdout) - 1), lastId);
    }

    @Test
    void followSurvivesRenameAndCreateRotation() throws Exception {
        List<String> expected = new ArrayList<>(List.of("one", "two", "three", "four", "five"));
        try (SseClient sse = SseClient.open(url(""), null)) {
            List<String> got = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                int before = expected.size();
                List<String> lines = lines("r" + round, 50);
                append(stdout, String.join("\n", lines) + "\n");
                expected.addAll(lines);
                // rename-and-create at once, before the follower has read the lines just written:
                // it must finish the renamed file through its open handle, then take the new one
                Files.move(stdout, sandbox.dir().resolve("stdout." + round), StandardCopyOption.ATOMIC_MOVE);
                List<String> next = lines("n" + round, 20);
                Files.writeString(stdout, String.join("\n", next) + "\n");
                expected.addAll(next);
                sse.events(expected.size() - before - (round == 0 ? -5 : 0), WAIT).forEach(e -> got.add(message(e)));
            }
            assertEquals(expected, got);
            assertTrue(sse.eventsWithin(Duration.ofMillis(500)).isEmpty(), "nothing repeated");
        }
    }

    @Test
    void followSurvivesCopyTruncateRotation() throws Exception {
        List<String> expected = new ArrayList<>(List.of("one", "two", "three", "four", "five"));
        try (SseClient sse = SseClient.open(url(""), null)) {
            List<String> got = new ArrayList<>(sse.events(5, WAIT).stream().map(TaskFileFollowTest::message).toList());
            for (int round = 0; round < 3; round++) {
                // logrotate copytruncate: copy, then truncate in place; then the writer goes on
                Files.copy(stdout, sandbox.dir().resolve("stdout." + round), StandardCopyOption.REPLACE_EXISTING);
                Files.write(stdout, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
                // the new content is longer than the old: a size check alone would not notice
                List<String> next = lines("after-truncate-" + round, 40);
                append(stdout, String.join("\n", next) + "\n");
                expected.addAll(next);
                sse.events(next.size(), WAIT).forEach(e -> got.add(message(e)));
            }
            assertEquals(expected, got);
            assertTrue(sse.eventsWithin(Duration.ofMillis(500)).isEmpty(), "nothing repeated");
        }
    }

    @Test
    void idleStreamPingsAndAnEmptyStartPingsAtOnce() throws Exception {
        try (SseClient sse = SseClient.open(url("?cursor=END"), null)) {
            SseClient.Block first = sse.next(Duration.ofMillis(900));
            assertNotNull(first, "an idle stream that has sent nothing pings at once");
            assertEquals(": ping\n\n", first.raw());
            SseClient.Block second = sse.next(Duration.ofSeconds(3));
            assertNotNull(second);
            assertEquals(": ping\n\n", second.raw());
            append(stdout, "six\n");
            assertEquals("six", message(sse.events(1, WAIT).get(0)));
        }
    }

    @Test
    void limitEndsTheStream() throws Exception {
        try (SseClient sse = SseClient.open(url("?limit=2"), null)) {
            assertEquals(2, sse.events(2, WAIT).size());
            Thread.sleep(300);
            assertTrue(sse.raw().endsWith("\n\n"));
            assertEquals(2, sse.raw().split("\n\n").length);
        }
    }

    @Test
    void disconnectReleasesTheStream() throws Exception {
        double before = openStreams();
        SseClient sse = SseClient.open(url(""), null);
        sse.events(5, WAIT);
        assertEquals(before + 1, openStreams());
        sse.close();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (openStreams() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, openStreams());
    }

    private static double openStreams() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("logs_streams_open"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no logs_streams_open in " + metrics));
    }

    private static List<String> lines(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-line-" + i).collect(Collectors.toList());
    }
}
