package org.clusterlogs.messagelogging.service;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.clusterlogs.messagelogging.DeployedPolicy;
import org.clusterlogs.messagelogging.StepExecutionFailedException;
import org.clusterlogs.messagelogging.template.FlowVariables;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Runs the deployed policies after every response of the service (Apigee's PostClientFlow):
 * reactive routes and Quarkus REST alike, successes, errors and the refusals of the auth filter,
 * since it is installed before all of them. It only registers an end handler, which runs when the
 * response has been written (for an SSE stream or a follow: when the stream ends, so a stream is
 * one line). Rendering and enqueueing never block, so it is safe on the event loop.
 *
 * <p>The response is gone by then: a {@link StepExecutionFailedException} can only be logged and
 * counted, and no failure of the filter ever reaches the caller.
 */
@Singleton
public class MessageLoggingFilter {

    /** Before every other handler of the service, the auth filter (-1000) included. */
    static final int ORDER = -10_000;
    private static final Logger LOG = Logger.getLogger(MessageLoggingFilter.class);

    private final DeployedSet set;
    private final CallVariables variables;
    private final MessageLoggingMetrics metrics;

    public MessageLoggingFilter(DeployedSet set, ServiceSettings settings, MessageLoggingMetrics metrics) {
        this.set = set;
        this.variables = new CallVariables(settings, Clock.systemUTC());
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        try {
            rc.addEndHandler(ended -> afterResponse(rc));
        } catch (RuntimeException e) {
            metrics.filterFailed();
            LOG.debugf(e, "message logging: cannot watch %s", rc.request().uri());
        }
        rc.next();
    }

    private void afterResponse(RoutingContext rc) {
        List<DeployedPolicy> policies = set.policies();
        if (policies.isEmpty()) {
            return;
        }
        try {
            FlowVariables call = variables.of(rc);
            for (DeployedPolicy policy : policies) {
                execute(policy, call);
            }
        } catch (RuntimeException e) {
            metrics.filterFailed();
            LOG.warnf("message logging: no line for %s %s (%s)", rc.request().method(), rc.request().path(), e.toString());
        }
    }

    private void execute(DeployedPolicy policy, FlowVariables call) {
        try {
            policy.execute(call);
        } catch (StepExecutionFailedException e) {
            metrics.stepFailed();
            LOG.warnf("message logging: %s failed after the response was sent (%s): %s",
                    e.policy(), StepExecutionFailedException.FAULT_CODE, e.getCause() == null ? e : e.getCause().getMessage());
        } catch (RuntimeException e) {
            metrics.filterFailed();
            LOG.warnf("message logging: %s failed: %s", policy.policy().name(), e.toString());
        }
    }
}
