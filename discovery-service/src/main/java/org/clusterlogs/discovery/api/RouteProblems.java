package org.clusterlogs.discovery.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.common.problem.vertx.ProblemResponses;
import org.clusterlogs.discovery.index.IndexNotReadyException;
import org.jboss.logging.Logger;

/**
 * The problem answers of discovery-service's Vert.x routes (the redirects and the proxy), which
 * the JAX-RS exception mappers do not see: the suite's problem JSON, {@code Retry-After} on a 503
 * for an index that is not ready, and a 500 that says nothing for anything unexpected.
 */
@ApplicationScoped
public class RouteProblems {

    private static final Logger LOG = Logger.getLogger(RouteProblems.class);

    private final ObjectMapper json;

    public RouteProblems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Answers the request with the problem {@code failure} stands for; answers that problem, or
     * null when the response had begun (nothing can be said any more).
     */
    public Problem send(RoutingContext rc, Throwable failure) {
        HttpServerResponse response = rc.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return null;
        }
        Problem problem;
        if (failure instanceof ProblemException known) {
            problem = known.toProblem(rc.request().path());
        } else {
            LOG.error("Unexpected error on " + rc.request().path(), failure);
            problem = Problem.internalError(rc.request().path());
        }
        if (failure instanceof IndexNotReadyException notReady) {
            response.putHeader("Retry-After", Long.toString(notReady.retryAfterSeconds()));
        }
        ProblemResponses.send(response, json, problem);
        return problem;
    }

    /**
     * For a route that answers GET only: passes a GET on to its handler, answers anything else
     * 405 with {@code Allow: GET}, as log-service does (a HEAD would only end in its 405 too).
     */
    public void getOnly(RoutingContext rc) {
        if (rc.request().method() == HttpMethod.GET) {
            rc.next();
            return;
        }
        rc.response().putHeader(HttpHeaders.ALLOW, "GET");
        send(rc, new ProblemException(405, "MethodNotAllowed", "this route answers GET only"));
    }
}
