package org.clusterlogs.messagelogging;

import org.clusterlogs.messagelogging.delivery.Framer;
import org.clusterlogs.messagelogging.delivery.RecordFormat;
import org.clusterlogs.messagelogging.file.FileScope;
import org.clusterlogs.messagelogging.policy.MessageLoggingPolicy;
import org.clusterlogs.messagelogging.syslog.SyslogEndpoint;
import org.clusterlogs.messagelogging.template.FlowVariables;
import org.clusterlogs.messagelogging.template.TemplateRenderException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run of a policy: what each of its destinations would receive for one call, byte for byte
 * (header, message and framing, as the writers send them), without sending anything. What the
 * control plane's trace answers, so a policy can be checked before it is deployed.
 */
public final class PolicyTrace {

    private final MessageLoggingSettings settings;

    public PolicyTrace(MessageLoggingSettings settings) {
        this.settings = settings;
    }

    /** One destination's record: where it would go and the exact bytes. */
    public record TracedRecord(String destination, byte[] bytes) {
    }

    /**
     * @param scope names the file in the prefixed and nested layouts
     * @throws TemplateRenderException when a message cannot be rendered (the call would then fail
     *                                 or go on as the policy's {@code continueOnError} says)
     */
    public List<TracedRecord> trace(MessageLoggingPolicy policy, FlowVariables variables, long timestampMillis,
                                    FileScope scope) {
        List<TracedRecord> records = new ArrayList<>();
        policy.syslog().ifPresent(syslog -> {
            SyslogEndpoint endpoint = SyslogEndpoint.of(syslog);
            RecordFormat format = DeployedPolicy.syslogFormat(syslog, policy.logLevel(), settings).get();
            records.add(new TracedRecord(endpoint.id(),
                    endpoint.framer().frame(format.format(timestampMillis, syslog.message().render(variables)))));
        });
        policy.file().ifPresent(file -> {
            Path path = settings.filePath(scope, file.fileName());
            records.add(new TracedRecord("file:" + path, Framer.LF.frame(
                    RecordFormat.PLAIN.format(timestampMillis, file.message().render(variables)))));
        });
        return records;
    }
}
