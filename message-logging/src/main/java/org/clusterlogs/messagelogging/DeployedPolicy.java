package org.clusterlogs.messagelogging;

import org.clusterlogs.messagelogging.delivery.Destination;
import org.clusterlogs.messagelogging.delivery.RecordFormat;
import org.clusterlogs.messagelogging.policy.LogLevel;
import org.clusterlogs.messagelogging.policy.MessageLoggingPolicy;
import org.clusterlogs.messagelogging.policy.SyslogTarget;
import org.clusterlogs.messagelogging.syslog.SyslogHeader;
import org.clusterlogs.messagelogging.template.FlowVariables;
import org.clusterlogs.messagelogging.template.MessageTemplate;
import org.clusterlogs.messagelogging.template.TemplateRenderException;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * A policy running in this service. {@link #execute} is what the service's filter calls after
 * each response: it renders the messages on the calling thread and hands them to the
 * destinations' queues, never waiting and never doing I/O.
 */
public final class DeployedPolicy {

    /** One destination of the policy: its message, its queue, how its writer formats it. */
    record Target(MessageTemplate message, Destination destination, Supplier<RecordFormat> format) {
    }

    private final MessageLoggingPolicy policy;
    private final List<Target> targets;
    private final List<RecordFormat> formats;
    private final Clock clock;
    private final Runnable release;
    private volatile boolean undeployed;

    DeployedPolicy(MessageLoggingPolicy policy, List<Target> targets, Clock clock, Runnable release) {
        this.policy = policy;
        this.targets = List.copyOf(targets);
        this.formats = targets.stream().map(t -> t.format().get()).toList();
        this.clock = clock;
        this.release = release;
    }

    public MessageLoggingPolicy policy() {
        return policy;
    }

    /**
     * Runs the policy for one call: renders every destination's message, then queues them all.
     *
     * @return executed, skipped (not enabled), or failed with the flow variables to set when a
     *         message could not be rendered and {@code continueOnError} is true
     * @throws StepExecutionFailedException when a message could not be rendered and {@code continueOnError} is false
     */
    public PolicyOutcome execute(FlowVariables variables) {
        if (!policy.enabled() || undeployed) {
            return PolicyOutcome.SKIPPED;
        }
        long now = clock.millis();
        String[] rendered = new String[targets.size()];
        try {
            for (int i = 0; i < rendered.length; i++) {
                rendered[i] = targets.get(i).message().render(variables);
            }
        } catch (TemplateRenderException e) {
            if (policy.continueOnError()) {
                return PolicyOutcome.failed(policy.name(), e.getMessage());
            }
            throw new StepExecutionFailedException(policy.name(), e);
        }
        for (int i = 0; i < rendered.length; i++) {
            targets.get(i).destination().offer(now, rendered[i], formats.get(i));
        }
        return PolicyOutcome.EXECUTED;
    }

    /** Stops the policy; a destination no other deployed policy uses is flushed and closed. Idempotent. */
    public synchronized void undeploy() {
        if (!undeployed) {
            undeployed = true;
            release.run();
        }
    }

    /** The header of a {@code FormatMessage} policy, or nothing: one per policy and destination (its writer's). */
    static Supplier<RecordFormat> syslogFormat(SyslogTarget syslog, LogLevel level, MessageLoggingSettings settings) {
        if (!syslog.withHeader()) {
            return () -> RecordFormat.PLAIN;
        }
        String pattern = syslog.dateFormat().orElse(settings.dateFormat());
        return () -> new SyslogHeader(level, pattern, settings.timeZone(), settings.hostId(), settings.appName());
    }
}
