package org.clusterlogs.discovery.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Mesos master's {@code /state} on a loopback port: answers {@link #status} with {@link #body}
 * (a test changes both), and counts the requests that reached it.
 */
public class StateServer implements QuarkusTestResourceLifecycleManager {

    public static volatile int status = 503;
    public static volatile byte[] body = new byte[0];
    public static final AtomicInteger REQUESTS = new AtomicInteger();
    public static volatile String lastPath;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                REQUESTS.incrementAndGet();
                lastPath = request.uri();
                request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(Buffer.buffer(body));
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return Map.of("discovery.mesos.state", "http://127.0.0.1:" + server.actualPort() + "/master/state?jsonp=no",
                    "discovery.mesos.refresh", "200ms");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
