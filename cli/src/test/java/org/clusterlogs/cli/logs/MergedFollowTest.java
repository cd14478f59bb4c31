package org.clusterlogs.cli.logs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.clusterlogs.cli.Cli;
import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.StopSignal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code clusterlogs logs --follow} against a stand-in for discovery's merged stream (a JDK
 * {@code HttpServer} speaking its event format): each entry labelled with its task, the
 * {@code source} events as lines on stderr, a dropped stream resumed from the last merged id,
 * and a follow up to {@code --until} that ends with the stream. The real route is exercised by
 * {@code ClusterLogsCommandTest}; this one pins what the client does with each kind of event.
 */
class MergedFollowTest {

    private static final String ADDED = "event: source\ndata: {\"task_id\":\"web.6f1c2abc12\",\"task_name\":\"web\","
            + "\"agent_id\":\"a1\",\"state\":\"added\"}\n\n";
    private static final String LOST = "event: source\ndata: {\"task_id\":\"api.7d3e0xyz98\",\"task_name\":\"api\","
            + "\"agent_id\":\"a2\",\"state\":\"lost\"}\n\n";

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final StopSignal stop = new StopSignal();
    private HttpServer server;

    @BeforeEach
    void startTheServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.start();
    }

    @AfterEach
    void stopTheServer() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    /** A timed entry (a pod's, a journal's) is printed as the merged text form prints it: the message alone. */
    @Test
    void entriesAreLabelledSourceEventsGoToStderrAndADropResumesFromTheLastMergedId() throws Exception {
        serve(lastEventId -> lastEventId == null
                ? ADDED + entry("m1.a", "web.6f1c2abc12", "web", "one")
                        + "id: m1.b\ndata: {\"realtime_timestamp\":1796032800000000,\"fields\":{\"MESSAGE\":\"two\","
                        + "\"TASK_ID\":\"api.7d3e0xyz98\",\"TASK_NAME\":\"api\",\"AGENT_ID\":\"a2\"}}\n\n"
                : LOST + entry("m1.c", "web.6f1c2abc12", "web", "three"), false);
        Thread command = run("logs", "web", "--follow", "--since", "2026-11-30T10:00:00Z");
        awaitOutput("web/abc12| one\napi/xyz98| two\nweb/abc12| three\n");
        stop.stop();
        command.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(command.isAlive(), "a stop ends the follow");

        assertEquals(List.of("q=web&since=2026-11-30T10%3A00%3A00Z Last-Event-ID=null",
                "q=web&since=2026-11-30T10%3A00%3A00Z Last-Event-ID=m1.b"), requests.subList(0, 2));
        String messages = err.toString();
        assertTrue(messages.contains("clusterlogs: [added] web/abc12 on node a1\n"), messages);
        assertTrue(messages.contains("clusterlogs: [lost] api/xyz98 on node a2\n"), messages);
        assertTrue(messages.contains("clusterlogs: connection lost ("), messages);
    }

    @Test
    void aFollowUpToUntilEndsWhenTheServerEndsTheStream() throws Exception {
        serve(lastEventId -> entry("m1.a", "web.6f1c2abc12", "web", "last"), false);
        Thread command = run("logs", "web", "--follow", "--lines", "0", "--until", "2026-11-30T10:00:00Z", "--color");
        command.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(command.isAlive(), "the follow ends with the stream");
        assertEquals(List.of("q=web&cursor=END&until=2026-11-30T10%3A00%3A00Z Last-Event-ID=null"), requests);
        assertTrue(out.toString().matches("\u001b\\[3[1-6]mweb/abc12\\|\u001b\\[0m last\n"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void jsonPrintsEachEntryAsTheServerSentIt() throws Exception {
        String entry = "{\"fields\":{\"MESSAGE\":\"one\",\"TASK_ID\":\"web.6f1c2abc12\",\"TASK_NAME\":\"web\"}}";
        serve(lastEventId -> ADDED + "id: m1.a\ndata: " + entry + "\n\n", true);
        Thread command = run("logs", "web", "--follow", "--json");
        awaitOutput(entry + "\n");
        stop.stop();
        command.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(command.isAlive(), "a stop ends the follow");
        assertTrue(err.toString().contains("[added] web/abc12 on node a1"), err.toString());
    }

    private static String entry(String id, String taskId, String taskName, String message) {
        return "id: " + id + "\ndata: {\"fields\":{\"MESSAGE\":\"" + message + "\",\"TASK_ID\":\"" + taskId
                + "\",\"TASK_NAME\":\"" + taskName + "\",\"AGENT_ID\":\"a1\",\"FILE\":\"stdout\"}}\n\n";
    }

    /** Answers the merged route with {@code events} for the request's Last-Event-ID; holds the stream open when asked. */
    private void serve(Function<String, String> events, boolean hold) {
        server.createContext(LogsCommand.ROUTE, exchange -> stream(exchange, events, hold));
    }

    private void stream(HttpExchange exchange, Function<String, String> events, boolean hold) throws IOException {
        String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        requests.add(exchange.getRequestURI().getRawQuery() + " Last-Event-ID=" + lastEventId);
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(events.apply(lastEventId).getBytes(StandardCharsets.UTF_8));
        body.flush();
        if (hold || lastEventId != null) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.close();
    }

    private Thread run(String... arguments) {
        Map<String, String> env = Map.of("CLUSTERLOGS_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                "CLUSTERLOGS_TOKEN", "t", "XDG_CONFIG_HOME", "/nonexistent");
        CliContext context = new CliContext(env, new ByteArrayInputStream(new byte[0]), stop, false);
        Thread command = new Thread(() -> Cli.commandLine(context).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(arguments));
        command.start();
        return command;
    }

    private void awaitOutput(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString().equals(expected)) {
            if (System.nanoTime() > deadline) {
                fail("printed: " + out + "\nstderr: " + err + "\nrequests: " + requests);
            }
            Thread.sleep(20);
        }
    }
}
