package org.clusterlogs.messagelogging.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the integration adds to the data plane's per-destination meters: how many policies run
 * and which version of the deployed set (a service stuck on an old version shows here), and the
 * failures nobody else sees — a policy that failed after its response was sent, the filter
 * itself, the follower's polls.
 */
public final class MessageLoggingMetrics {

    private final Counter stepFailures;
    private final Counter filterFailures;
    private final Counter followFailures;

    public MessageLoggingMetrics(MeterRegistry registry, DeployedSet set) {
        Gauge.builder("messagelogging.deployed.policies", set, s -> s.policies().size())
                .description("MessageLogging policies this service runs").register(registry);
        Gauge.builder("messagelogging.deployed.set.version", set, DeployedSet::version)
                .description("version of the deployed set this service runs; -1 before any").register(registry);
        stepFailures = Counter.builder("messagelogging.step.failures")
                .description("policies whose message could not be rendered (StepDefinitionExecutionFailed) after the response")
                .register(registry);
        filterFailures = Counter.builder("messagelogging.filter.failures")
                .description("unexpected errors of the filter; the request was not affected").register(registry);
        followFailures = Counter.builder("messagelogging.follow.failures")
                .description("failed polls of policy-service's deployed set").register(registry);
    }

    void stepFailed() {
        stepFailures.increment();
    }

    void filterFailed() {
        filterFailures.increment();
    }

    void followFailed() {
        followFailures.increment();
    }
}
