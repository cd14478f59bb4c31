package org.clusterlogs.discovery.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Vert.x server on loopback standing in for the log-service of {@code agent-1} (127.0.0.1) for
 * the merged stream, with a {@code state.json} of four tasks: {@code timed.a} and
 * {@code timed.b}, whose entries carry {@code realtime_timestamp} (a: 10, 30; b: 20, 40),
 * {@code secret.s}, which the node refuses (403), and {@code down.d} on {@code agent-down} at
 * 127.0.0.2, where nothing listens. NDJSON for a range, SSE (the entries after {@code cursor},
 * then an open stream) for a follow, positioned by {@code cursor} ({@code BEG}, {@code END} with
 * {@code skip=-n}, or an entry's cursor); a {@code grep} parameter is refused with 400, as a node
 * refuses a bad expression, and so are {@code since} and {@code until} unless they are times (the
 * merged stream sends ages on as times); with {@code until} a follow ends once the clock has
 * passed it, as log-service's does. A merged stream reads at most 3 tasks here.
 */
public class FakeNodes implements QuarkusTestResourceLifecycleManager {

    private static final Pattern TASK = Pattern.compile("/executors/([^/]+)/runs/");
    private static final Map<String, List<long[]>> ENTRIES = Map.of(
            "timed.a", List.of(new long[] {1, 10}, new long[] {2, 30}),
            "timed.b", List.of(new long[] {1, 20}, new long[] {2, 40}));

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(FakeNodes::handle)
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            StateJson state = new StateJson();
            var framework = state.framework("fw-m", "merged");
            StateJson.task(framework, "tasks", "timed.a", "timed", "", "agent-1", "c-a", null);
            StateJson.task(framework, "tasks", "timed.b", "timed", "", "agent-1", "c-b", null);
            StateJson.task(framework, "tasks", "secret.s", "secret", "", "agent-1", "c-s", null);
            StateJson.task(framework, "tasks", "down.d", "down", "", "agent-down", "c-d", null);
            state.agent("agent-1", "node-1.example", "slave(1)@127.0.0.1:5051");
            state.agent("agent-down", "node-down.example", "slave(1)@127.0.0.2:5051");
            Path file = Files.createTempDirectory("merged-state-").resolve("state.json");
            Files.write(file, state.bytes());
            return Map.of("discovery.mesos.state", file.toString(),
                    "discovery.log-service.port", Integer.toString(server.actualPort()),
                    "discovery.merged.max-sources", "3",
                    "discovery.proxy.connect-timeout", "500ms");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        vertx.close();
    }

    private static void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        Matcher m = TASK.matcher(request.path());
        String task = m.find() ? m.group(1) : "";
        if (task.equals("secret.s")) {
            problem(response, 403, "LogNotReadable");
            return;
        }
        if (request.getParam("grep") != null || !times(request, "since") || !times(request, "until")) {
            problem(response, 400, "BadParameter");
            return;
        }
        boolean sse = "text/event-stream".equals(request.getHeader("Accept"));
        List<long[]> entries = ENTRIES.getOrDefault(task, List.of());
        String cursor = request.getParam("cursor");
        int from = 0; // BEG, or no cursor
        if ("END".equals(cursor)) {
            from = Math.max(0, entries.size() + Integer.parseInt(request.getParam("skip", "0")));
        } else if (cursor != null && !cursor.equals("BEG")) {
            from = Integer.parseInt(cursor); // cursors are 1, 2: right after entry n is index n
        }
        StringBuilder body = new StringBuilder();
        for (long[] entry : entries.subList(Math.min(from, entries.size()), entries.size())) {
            String json = "{\"fields\":{\"MESSAGE\":\"" + task.substring(task.length() - 1) + entry[1]
                    + "\"},\"cursor\":\"" + entry[0] + "\",\"realtime_timestamp\":" + entry[1] + "}";
            body.append(sse ? "id: " + entry[0] + "\ndata: " + json + "\n\n" : json + "\n");
        }
        if (sse) {
            response.setChunked(true).putHeader("Content-Type", "text/event-stream").write(body.toString());
            String until = request.getParam("until");
            if (until != null) {
                long wait = Duration.between(Instant.now(), Instant.parse(until)).toMillis();
                Vertx.currentContext().owner().setTimer(Math.max(1, wait + 1), t -> response.end());
            }
        } else if (body.isEmpty()) {
            response.setStatusCode(204).end();
        } else {
            response.putHeader("Content-Type", "application/json").end(body.toString());
        }
    }

    /** Whether the parameter is absent or a time (not an age such as {@code 10m}). */
    private static boolean times(HttpServerRequest request, String name) {
        String value = request.getParam(name);
        try {
            return value == null || Instant.parse(value) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void problem(HttpServerResponse response, int status, String code) {
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end("{\"status\":" + status + ",\"code\":\"" + code + "\"}");
    }
}
