package org.clusterlogs.messagelogging.service;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.clusterlogs.security.Caller;

import java.time.Instant;

/**
 * A service's routes for the filter's tests: a plain answer with a path parameter, and an SSE
 * stream of three events. The caller comes from {@code X-Test-Uid}, where the auth filter would
 * put a verified one.
 */
@Singleton
public class TestRoutes {

    private final Vertx vertx;

    public TestRoutes(Vertx vertx) {
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        router.route().order(-1_000).handler(rc -> {
            String uid = rc.request().getHeader("X-Test-Uid");
            if (uid != null) {
                rc.put(Caller.KEY, new Caller(uid, Instant.now().plusSeconds(60), false, Instant.now()));
            }
            rc.next();
        });
        router.get("/hello/:task").handler(rc -> rc.response().putHeader("X-Answer", "yes").end("hi"));
        router.get("/events").handler(rc -> {
            HttpServerResponse response = rc.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            response.write("data: 1\n\n");
            vertx.setTimer(100, t -> response.write("data: 2\n\n"));
            vertx.setTimer(200, t -> response.end("data: 3\n\n"));
        });
    }
}
