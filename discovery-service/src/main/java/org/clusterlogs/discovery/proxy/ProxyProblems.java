package org.clusterlogs.discovery.proxy;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.discovery.api.RouteProblems;

/**
 * The proxy's own answers, as the suite's problem JSON ({@link RouteProblems}), counted per path
 * family. Once a relayed response has begun nothing can be said any more (the caller resets the
 * connection instead).
 */
@ApplicationScoped
public class ProxyProblems {

    private final RouteProblems problems;
    private final ProxyMetrics metrics;

    public ProxyProblems(RouteProblems problems, ProxyMetrics metrics) {
        this.problems = problems;
        this.metrics = metrics;
    }

    /** Answers the request with the problem {@code failure} stands for; anything unexpected is a 500 that says nothing. */
    public void send(RoutingContext rc, ProxyFamily family, Throwable failure) {
        Problem sent = problems.send(rc, failure);
        if (sent != null) {
            metrics.answered(family, sent.status());
        }
    }
}
