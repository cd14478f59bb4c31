package org.clusterlogs.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clusterlogs.testing.process.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged stream at the cluster's entry point over three log-services (real processes,
 * 127.0.0.1 to 127.0.0.3, one port), authentication on: a follow that sees appends on every
 * node, a task that starts matching while it runs, a node killed and restarted, the client
 * reconnecting with {@code Last-Event-ID} and a task that completes, with every line delivered
 * exactly once; a client that leaves ends the follows at every node; the range form's order and
 * formats; the 400s.
 */
class MergedStreamAcrossServicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path work;

    private static LocalCluster cluster;
    private static String token;

    @BeforeAll
    static void startThreeNodes() throws Exception {
        cluster = LocalCluster.start(work, 3);
        token = cluster.adminToken();
        for (int node = 0; node < 3; node++) {
            cluster.addTask(node, "range", "range.r" + node + "xyz");
            cluster.appendTo("range.r" + node + "xyz", "stdout", "r" + node + "-0\nr" + node + "-1\n");
        }
        awaitIndexed("range", 3);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aFollowDeliversEveryLineOnceThroughAppendsANewTaskANodeRestartAReconnectAndAnEnd() throws Exception {
        Map<String, Integer> written = new HashMap<>();
        for (int node = 0; node < 3; node++) {
            cluster.addTask(node, "web", "web.w" + node);
            write(written, "web.w" + node, 2);
        }
        awaitIndexed("web", 3);
        List<String> seen = new ArrayList<>();
        String lastId;
        String url = cluster.url() + "/system/v1/logs/v2/tasks?q=web";
        try (SseEvents stream = SseEvents.open(url, token, null)) {
            assertEquals(200, stream.status());
            List<String> added = new ArrayList<>();
            lastId = collect(stream, seen, 6, added);
            assertEquals(List.of("web.w0:added", "web.w1:added", "web.w2:added"), added.subList(0, 3));

            for (int node = 0; node < 3; node++) {
                write(written, "web.w" + node, 1);
            }
            lastId = collect(stream, seen, 3, added);

            cluster.addTask(1, "web", "web.w3");
            write(written, "web.w3", 2);
            lastId = collect(stream, seen, 2, added);
            assertTrue(added.contains("web.w3:added"), added.toString());

            cluster.killLogService(2);
            awaitSourceEvent(stream, seen, added, "web.w2:lost");
            write(written, "web.w2", 2); // while its node is away
            write(written, "web.w0", 1);
            cluster.startLogServiceAgain(2);
            lastId = collect(stream, seen, 3, added);
            assertTrue(added.contains("web.w2:rejoined"), added.toString());
        }
        // away: everything written now comes after the reconnect, once
        for (int node = 0; node < 4; node++) {
            write(written, "web.w" + node, 1);
        }
        try (SseEvents stream = SseEvents.open(url, token, lastId)) {
            List<String> added = new ArrayList<>();
            collect(stream, seen, 4, added);
            write(written, "web.w1", 1);
            cluster.completeTask("web.w1");
            awaitSourceEvent(stream, seen, added, "web.w1:ended");
        }
        Map<String, Integer> counted = new HashMap<>();
        seen.forEach(line -> counted.merge(line, 1, Integer::sum));
        List<String> expected = new ArrayList<>();
        written.forEach((task, lines) -> {
            for (int i = 0; i < lines; i++) {
                expected.add(task + "-" + i);
            }
        });
        assertEquals(expected.size(), seen.size(), "every line once: " + seen);
        expected.forEach(line -> assertEquals(1, counted.getOrDefault(line, 0), line + " in " + seen));
    }

    @Test
    void aRangeKeepsEachFilesOrderAndTellsTheSourceOfEveryEntry() throws Exception {
        HttpResponse<String> text = get("/system/v1/logs/v2/tasks?q=range", "text/plain");
        assertEquals(200, text.statusCode(), text.body());
        assertEquals("""
                range/r0xyz| r0-0
                range/r0xyz| r0-1
                range/r1xyz| r1-0
                range/r1xyz| r1-1
                range/r2xyz| r2-0
                range/r2xyz| r2-1
                """, text.body(), "files carry no time: each source whole, in the order of the sources");

        HttpResponse<String> coloured = get("/system/v1/logs/v2/tasks?q=range&color=true&limit=1", "text/plain");
        assertTrue(coloured.body().matches("\u001b\\[3\\dmrange/r2xyz\\|\u001b\\[0m r2-1\n"), coloured.body());

        HttpResponse<String> json = get("/system/v1/logs/v2/tasks?q=range&limit=3", "application/json");
        assertEquals(200, json.statusCode(), json.body());
        List<JsonNode> entries = json.body().lines().map(MergedStreamAcrossServicesTest::parse).toList();
        assertEquals(List.of("r1-1", "r2-0", "r2-1"), entries.stream().map(e -> e.path("fields").path("MESSAGE").asText()).toList(),
                "the merged last 3");
        JsonNode fields = entries.get(0).path("fields");
        assertEquals("range.r1xyz", fields.path("TASK_ID").asText());
        assertEquals("range", fields.path("TASK_NAME").asText());
        assertEquals(LocalCluster.agentId(1), fields.path("AGENT_ID").asText());
        assertEquals("stdout", fields.path("FILE").asText());
    }

    @Test
    void everyNodeGetsTheFilter() throws Exception {
        HttpResponse<String> filtered = get("/system/v1/logs/v2/tasks?q=range&filter="
                + URLEncoder.encode("MESSAGE:r1-1", StandardCharsets.UTF_8), "text/plain");
        assertEquals(200, filtered.statusCode(), filtered.body());
        assertEquals("range/r1xyz| r1-1\n", filtered.body());
    }

    @Test
    void badRequestsAreAnsweredBeforeAnyNodeIsAsked() throws Exception {
        assertProblem(get("/system/v1/logs/v2/tasks?q=" + URLEncoder.encode("app in (web", StandardCharsets.UTF_8),
                "text/plain"), 400, "BadParameter");
        assertProblem(get("/system/v1/logs/v2/tasks?q=range&cursor=m1.not-a-cursor", "text/event-stream"), 400, "BadCursor");
        assertProblem(get("/system/v1/logs/v2/tasks?q=range&limit=-1", "text/plain"), 400, "BadParameter");
        assertProblem(get("/system/v1/logs/v2/tasks?q=no-such-task", "text/plain"), 404, "TaskNotFound");
        for (int i = 0; i < 65; i++) {
            cluster.addTask(i % 3, "many", "many." + i);
        }
        awaitIndexed("many", 65);
        assertProblem(get("/system/v1/logs/v2/tasks?q=many", "text/event-stream"), 400, "TooManySources");
    }

    @Test
    void aClientThatLeavesEndsTheStreamAtEveryNode() throws Exception {
        try (SseEvents stream = SseEvents.open(cluster.url() + "/system/v1/logs/v2/tasks?q=range", token, null)) {
            collect(stream, new ArrayList<>(), 6, new ArrayList<>());
            for (int node = 0; node < 3; node++) {
                assertTrue(openStreams(node) >= 1, "node " + node + " counts the merged stream's follow");
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (int node = 0; node < 3; node++) {
            while (openStreams(node) != 0) {
                assertTrue(System.nanoTime() < deadline, "node " + node + " still follows for a client that left");
                Thread.sleep(100);
            }
        }
    }

    @Test
    void theRouteNeedsAToken() throws Exception {
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url()
                + "/system/v1/logs/v2/tasks?q=range")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
    }

    /** Appends {@code lines} numbered lines to the task's stdout, counting what was written. */
    private static void write(Map<String, Integer> written, String task, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        int from = written.getOrDefault(task, 0);
        for (int i = from; i < from + lines; i++) {
            text.append(task).append('-').append(i).append('\n');
        }
        cluster.appendTo(task, "stdout", text.toString());
        written.put(task, from + lines);
    }

    /** Takes events until {@code lines} data events came; source events go to {@code sourceEvents}. Answers the last id. */
    private static String collect(SseEvents stream, List<String> seen, int lines, List<String> sourceEvents)
            throws InterruptedException {
        String lastId = null;
        int got = 0;
        while (got < lines) {
            SseEvents.Event event = stream.next(WAIT);
            if (event.name().equals("source")) {
                sourceEvents.add(event.json().path("task_id").asText() + ":" + event.json().path("state").asText());
                continue;
            }
            assertTrue(event.id().startsWith("m1."), event.id());
            seen.add(event.message());
            lastId = event.id();
            got++;
        }
        return lastId;
    }

    private static void awaitSourceEvent(SseEvents stream, List<String> seen, List<String> sourceEvents, String wanted)
            throws InterruptedException {
        while (!sourceEvents.contains(wanted)) {
            SseEvents.Event event = stream.next(WAIT);
            if (event.name().equals("source")) {
                sourceEvents.add(event.json().path("task_id").asText() + ":" + event.json().path("state").asText());
            } else {
                seen.add(event.message());
            }
        }
    }

    /** Waits until discovery's index lists {@code count} tasks whose id or name contains {@code q}. */
    private static void awaitIndexed(String q, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> tasks = get("/system/v1/tasks?limit=500&q=" + q, "application/json");
            if (tasks.statusCode() == 200 && parse(tasks.body()).path("tasks").size() >= count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the index did not list " + count + " tasks for " + q + ": " + tasks.body());
            }
            Thread.sleep(200);
        }
    }

    /** log-service's {@code logs_streams_open} on {@code node}. */
    private static int openStreams(int node) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.logService(node).url() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher open = Pattern.compile("(?m)^logs_streams_open(?:\\{[^}]*})? ([0-9.]+)$").matcher(metrics);
        assertTrue(open.find(), metrics);
        return (int) Double.parseDouble(open.group(1));
    }

    static HttpResponse<String> get(String pathAndQuery, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url() + pathAndQuery)).header("Accept", accept)
                .header("Authorization", "token=" + token).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(code, parse(answer.body()).path("code").asText(), answer.body());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
