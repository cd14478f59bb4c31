package org.clusterlogs.testing.policy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * policy-service's deployed set on a real loopback socket, for the services' MessageLogging
 * tests: {@code GET /v1/environments/{env}/deployments} with {@code ETag: "<version>"} and the
 * {@code If-None-Match} long poll (a waiting poll is answered as soon as the test
 * {@link #deploy deploys}, else 304 after {@code longPoll}). {@link #stop} takes it down as a dead
 * policy-service would be; {@link #start} brings it back on the same port.
 */
public final class FakePolicyService implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final Duration longPoll;
    private final List<JsonObject> deployments = new ArrayList<>();
    /** The {@code Authorization} header of every request (empty string when there was none). */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Runnable> waiting = new ArrayList<>();
    private long version;
    private HttpServer server;
    private int port;

    public FakePolicyService(Duration longPoll) {
        this.longPoll = longPoll;
    }

    /** Listens on {@code port} (0: any free one, then kept for a restart). */
    public FakePolicyService start() {
        try {
            server = vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fake policy-service", e);
        }
        port = server.actualPort();
        return this;
    }

    public void stop() {
        HttpServer closing;
        synchronized (this) {
            waiting.clear();
            closing = server;
            server = null;
        }
        // not under the lock: closing needs the event loop, whose handlers take the lock
        if (closing != null) {
            closing.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Deploys (or replaces) a policy revision, as {@code PUT /v1/environments/{env}/deployments/{name}} would.
     *
     * @param services null: every service
     */
    public synchronized void deploy(String name, int revision, List<String> services, String xml) {
        deployments.removeIf(d -> d.getString("name").equals(name));
        deployments.add(new JsonObject().put("name", name).put("revision", revision)
                .put("services", services == null ? null : new JsonArray(services))
                .put("deployedAt", "2026-11-30T00:00:00Z").put("xml", xml));
        changed();
    }

    public synchronized void undeploy(String name) {
        deployments.removeIf(d -> d.getString("name").equals(name));
        changed();
    }

    public synchronized long version() {
        return version;
    }

    private void changed() {
        version++;
        List<Runnable> answer = new ArrayList<>(waiting);
        waiting.clear();
        answer.forEach(Runnable::run);
    }

    private synchronized void handle(HttpServerRequest request) {
        authorizations.add(request.getHeader("Authorization") == null ? "" : request.getHeader("Authorization"));
        String[] path = request.path().split("/");
        if (path.length != 5 || !"environments".equals(path[2]) || !"deployments".equals(path[4])) {
            request.response().setStatusCode(404).end();
            return;
        }
        String environment = path[3];
        String tag = "\"" + version + "\"";
        if (!tag.equals(request.getHeader("If-None-Match"))) {
            answer(request, environment);
            return;
        }
        Runnable now = () -> answer(request, environment);
        waiting.add(now);
        vertx.setTimer(longPoll.toMillis(), t -> {
            synchronized (this) {
                if (waiting.remove(now)) {
                    request.response().setStatusCode(304).putHeader("ETag", tag).end();
                }
            }
        });
    }

    private void answer(HttpServerRequest request, String environment) {
        JsonObject body = new JsonObject().put("environment", environment).put("version", version)
                .put("deployments", new JsonArray(new ArrayList<>(deployments)));
        request.response().putHeader("ETag", "\"" + version + "\"").putHeader("Content-Type", "application/json")
                .end(body.encode());
    }

    @Override
    public void close() {
        stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
