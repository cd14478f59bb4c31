package org.clusterlogs.discovery.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.common.problem.vertx.ProblemResponses;
import org.clusterlogs.discovery.index.IndexNotReadyException;
import org.jboss.logging.Logger;

/**
 * The proxy's own answers, as the suite's problem JSON: the proxy's routes are Vert.x routes,
 * outside the JAX-RS exception mappers. A 503 for an index that is not ready carries
 * {@code Retry-After}. Once a relayed response has begun nothing can be said any more (the
 * caller resets the connection instead).
 */
@ApplicationScoped
public class ProxyProblems {

    private static final Logger LOG = Logger.getLogger(ProxyProblems.class);

    private final ObjectMapper json;
    private final ProxyMetrics metrics;

    public ProxyProblems(ObjectMapper json, ProxyMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /** Answers the request with the problem {@code failure} stands for; anything unexpected is a 500 that says nothing. */
    public void send(RoutingContext rc, ProxyFamily family, Throwable failure) {
        HttpServerResponse response = rc.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
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
        metrics.answered(family, problem.status());
        ProblemResponses.send(response, json, problem);
    }
}
