package org.clusterlogs.discovery.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Vert.x server on loopback standing in for a node's log-service and for auth-service, with a
 * {@code state.json} whose agent {@code agent-1} is at 127.0.0.1 (this server's port is
 * discovery's {@code discovery.log-service.port}) and {@code agent-down} at 127.0.0.2 (nothing
 * listens there: refused). policy-service is a port nothing listens on. Whatever the path
 * prefix, the server answers by the path's last segment:
 *
 * <ul>
 *   <li>{@code echo} (and anything unknown): JSON of what arrived: method, uri, headers, body size;</li>
 *   <li>{@code upload}: counts the body's bytes as they arrive ({@link #uploaded}), answers the total at the end;</li>
 *   <li>{@code sse}: an event, the second when {@link #secondEvent} completes, then the end;</li>
 *   <li>{@code follow}: an event, then nothing more, for ever; {@link #followClosed} when the connection closes;</li>
 *   <li>{@code big}: {@link #BIG} bytes with {@code Content-Length}, written only while the write queue has room
 *       ({@link #bigWritten}, {@link #bigPauses}, {@link #bigDone});</li>
 *   <li>{@code cut}: a 200 head and some bytes of a longer body, then the connection closed;</li>
 *   <li>{@code hop}: hop-by-hop and end-to-end response headers, two cookies.</li>
 * </ul>
 */
public class LoopbackUpstream implements QuarkusTestResourceLifecycleManager {

    public static final long BIG = 256L * 1024 * 1024;
    public static final ConcurrentLinkedQueue<String> URIS = new ConcurrentLinkedQueue<>();
    public static final AtomicLong uploaded = new AtomicLong();
    public static volatile CompletableFuture<Void> secondEvent = new CompletableFuture<>();
    public static final AtomicBoolean followClosed = new AtomicBoolean();
    public static final AtomicLong bigWritten = new AtomicLong();
    public static final AtomicInteger bigPauses = new AtomicInteger();
    public static final AtomicBoolean bigDone = new AtomicBoolean();

    private static final Buffer CHUNK = Buffer.buffer(new byte[64 * 1024]);

    private static Vertx vertx;
    private Path stateDir;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(LoopbackUpstream::handle)
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            stateDir = Files.createTempDirectory("proxy-state-");
            Path state = stateDir.resolve("state.json");
            Files.write(state, StateJson.cluster().agent("agent-down", "node-down.example", "slave(1)@127.0.0.2:5051")
                    .bytes());
            String upstream = "http://127.0.0.1:" + server.actualPort();
            return Map.of("discovery.mesos.state", state.toString(),
                    "discovery.log-service.port", Integer.toString(server.actualPort()),
                    "auth.url", upstream,
                    "discovery.policy-service.url", "http://127.0.0.1:" + closedPort());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        vertx.close();
        try {
            Files.deleteIfExists(stateDir.resolve("state.json"));
            Files.deleteIfExists(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(HttpServerRequest request) {
        URIS.add(request.uri());
        String path = request.path();
        String last = path.substring(path.lastIndexOf('/') + 1);
        HttpServerResponse response = request.response();
        switch (last) {
            case "upload" -> {
                request.handler(chunk -> uploaded.addAndGet(chunk.length()));
                request.endHandler(v -> response.end(new JsonObject().put("bodyBytes", uploaded.get()).encode()));
            }
            case "sse" -> {
                response.setChunked(true).putHeader("Content-Type", "text/event-stream")
                        .write("id: 1\ndata: one\n\n");
                secondEvent.thenRun(() -> response.end("id: 2\ndata: two\n\n"));
            }
            case "follow" -> {
                response.closeHandler(v -> followClosed.set(true));
                response.setChunked(true).putHeader("Content-Type", "text/event-stream").write("id: 1\ndata: one\n\n");
            }
            case "big" -> {
                response.putHeader("Content-Length", Long.toString(BIG)).putHeader("Content-Type",
                        "application/octet-stream");
                writeBig(response);
            }
            case "cut" -> {
                response.putHeader("Content-Length", "1000000").write(Buffer.buffer(new byte[1000]));
                vertx.setTimer(200, t -> request.connection().close());
            }
            case "hop" -> response.putHeader("Connection", "X-Hop").putHeader("X-Hop", "1")
                    .putHeader("Keep-Alive", "timeout=5").putHeader("Proxy-Thing", "1").putHeader("X-End", "kept")
                    .putHeader("Content-Type", "text/plain").putHeader("Set-Cookie", List.<String>of("a=1; Path=/",
                            "b=2; Path=/; HttpOnly"))
                    .end("hop\n");
            default -> request.body().onSuccess(body -> response.putHeader("Content-Type", "application/json")
                    .end(echo(request, body).encode()));
        }
    }

    /** Writes while the write queue has room, then waits for its drain: a well-behaved server. */
    private static void writeBig(HttpServerResponse response) {
        while (bigWritten.get() < BIG) {
            if (response.writeQueueFull()) {
                bigPauses.incrementAndGet();
                response.drainHandler(v -> writeBig(response));
                return;
            }
            long left = BIG - bigWritten.get();
            Buffer chunk = left >= CHUNK.length() ? CHUNK : CHUNK.getBuffer(0, (int) left);
            bigWritten.addAndGet(chunk.length());
            response.write(chunk);
        }
        bigDone.set(true);
        response.end();
    }

    private static JsonObject echo(HttpServerRequest request, Buffer body) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            JsonArray values = headers.getJsonArray(name, new JsonArray());
            headers.put(name, values.add(h.getValue()));
        });
        return new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                .put("headers", headers).put("bodyBytes", body.length());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
