package org.clusterlogs.logs.api;

import io.quarkus.vertx.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Every request no route took (a log route, health, metrics, OpenAPI): a problem-JSON 404, or
 * 405 for a method other than GET, never the framework's HTML page.
 */
public class UnknownRoutes {

    private final ProblemResponder problems;

    public UnknownRoutes(ProblemResponder problems) {
        this.problems = problems;
    }

    @Route(regex = ".*", order = 10_000)
    @Operation(hidden = true)
    void unknown(RoutingContext rc) {
        if (!rc.request().method().name().equals("GET")) {
            rc.response().putHeader("Allow", "GET");
            problems.send(rc.response(), Problem.of(405, "Method Not Allowed", "MethodNotAllowed",
                    "this service answers GET only"));
            return;
        }
        problems.send(rc.response(), Problem.of(404, "Not Found", "RouteNotFound",
                "no route at " + rc.normalizedPath()));
    }
}
