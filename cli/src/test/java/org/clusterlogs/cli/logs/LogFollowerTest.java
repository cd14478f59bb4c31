package org.clusterlogs.cli.logs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.clusterlogs.cli.StopSignal;
import org.clusterlogs.cli.http.ClusterClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A stream that goes silent without the connection failing (no ping, no reset) is given up
 * after the silence, and the follower goes on with {@code Last-Event-ID}: the case the
 * end-to-end tests cannot make, since a killed process always resets its connections.
 */
class LogFollowerTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;

    @AfterEach
    void stopTheServer() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    @Test
    void aSilentStreamIsGivenUpAndTheFollowGoesOnAfterItsLastEvent() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/log", this::oneEventThenSilence);
        server.start();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StopSignal stop = new StopSignal();
        ClusterClient client = new ClusterClient("http://127.0.0.1:" + server.getAddress().getPort(), "t");
        LogFollower follower = new LogFollower(client, EventPrinter.single(new PrintWriter(out, true), false),
                new PrintWriter(err, true), stop, false, Duration.ofSeconds(1));
        Throwable[] failure = {null};
        Thread follow = new Thread(() -> {
            try {
                follower.follow("/log");
            } catch (Exception | Error e) {
                failure[0] = e;
            }
        });
        follow.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString().equals("event 1\nevent 2\nevent 3\n")) {
            if (System.nanoTime() > deadline) {
                fail("printed: " + out + "\nstderr: " + err);
            }
            Thread.sleep(20);
        }
        stop.stop();
        follow.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(follow.isAlive(), "a stop ends the follow");
        assertEquals(null, failure[0]);
        assertEquals(List.of("", "1", "2"), lastEventIds.subList(0, 3));
        assertTrue(err.toString().contains("connection lost (nothing received for 1 s); reconnecting"), err.toString());
    }

    /** Sends the event after the client's last one, then nothing, with the connection open. */
    private void oneEventThenSilence(HttpExchange exchange) throws IOException {
        String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        lastEventIds.add(last == null ? "" : last);
        int next = last == null ? 1 : Integer.parseInt(last) + 1;
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(("id: " + next + "\ndata: {\"fields\":{\"MESSAGE\":\"event " + next + "\"}}\n\n").getBytes(StandardCharsets.UTF_8));
        body.flush();
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }
}
