package org.clusterlogs.logs.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.common.problem.vertx.ProblemResponses;
import org.clusterlogs.logs.metrics.LogMetrics;
import org.jboss.logging.Logger;

/**
 * Turns failures into the suite's problem JSON: the project's own exceptions
 * ({@link ProblemException}) answer with their status, code and detail; anything else is a 500
 * whose body says nothing about the inside, logged here once with its stack trace.
 */
@ApplicationScoped
public class ProblemResponder {

    private static final Logger LOG = Logger.getLogger(ProblemResponder.class);

    private final ObjectMapper json;
    private final LogMetrics metrics;

    public ProblemResponder(ObjectMapper json, LogMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /** Answers the request with the problem {@code error} stands for. */
    public void fail(RoutingContext rc, Throwable error) {
        send(rc.response(), toProblem(error, instance(rc)));
    }

    /** Answers with {@code problem}, unless the response has begun (then nothing can be said). */
    public void send(HttpServerResponse response, Problem problem) {
        ProblemResponses.send(response, json, problem);
    }

    /** The problem's {@code instance}: the path the client asked for, without the query. */
    public static String instance(RoutingContext rc) {
        return rc.request().path();
    }

    Problem toProblem(Throwable error, String instance) {
        if (error instanceof ProblemException known) {
            return known.toProblem(instance);
        }
        metrics.readError();
        LOG.error("Unexpected error on " + instance, error);
        return Problem.internalError(instance);
    }
}
