package org.clusterlogs.logs.api;

import io.quarkus.vertx.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Every request no route took (a log route, health, metrics, OpenAPI): a problem-JSON 404, or
 * 405 for a method other than GET, never the framework's HTML page; and every request a route
 * failed with an exception it did not answer itself: the problem that exception stands for.
 */
public class UnknownRoutes {

    private final ProblemResponder problems;

    public UnknownRoutes(ProblemResponder problems) {
        this.problems = problems;
    }

    @Route(regex = ".*", order = 10_000)
    @Operation(hidden = true)
    void unknown(RoutingContext rc) {
        String instance = ProblemResponder.instance(rc);
        if (!rc.request().method().name().equals("GET")) {
            rc.response().putHeader("Allow", "GET");
            problems.send(rc.response(), Problem.of(405, "MethodNotAllowed", "this service answers GET only",
                    instance));
            return;
        }
        problems.send(rc.response(), Problem.of(404, "RouteNotFound", "no route at " + rc.normalizedPath(),
                instance));
    }

    @Route(regex = ".*", type = Route.HandlerType.FAILURE)
    @Operation(hidden = true)
    void failed(RoutingContext rc) {
        if (rc.failure() != null) {
            problems.fail(rc, rc.failure());
            return;
        }
        int status = rc.statusCode();
        problems.send(rc.response(), status >= 400 && status < 500
                ? Problem.ofStatus(status, ProblemResponder.instance(rc))
                : Problem.internalError(ProblemResponder.instance(rc)));
    }
}
