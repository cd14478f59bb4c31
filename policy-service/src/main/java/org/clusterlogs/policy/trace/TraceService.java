package org.clusterlogs.policy.trace;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.messagelogging.MessageLoggingSettings;
import org.clusterlogs.messagelogging.PolicyTrace;
import org.clusterlogs.messagelogging.file.FileScope;
import org.clusterlogs.messagelogging.policy.PolicyParseResult;
import org.clusterlogs.messagelogging.policy.PolicyParser;
import org.clusterlogs.messagelogging.template.FlowContext;
import org.clusterlogs.messagelogging.template.FlowVariables;
import org.clusterlogs.messagelogging.template.TemplateRenderException;
import org.clusterlogs.policy.api.Names;
import org.clusterlogs.policy.policies.PolicyRevision;
import org.clusterlogs.policy.policies.PolicyService;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a stored policy revision against a sample call with the data plane's own code
 * ({@link PolicyTrace}): what each destination would receive, byte for byte, or why the call's
 * policy step would fail. Header fields that come from the sending service (its host id, the
 * date format's zone) are this service's {@code messagelogging.*} settings.
 */
@ApplicationScoped
public class TraceService {

    private final PolicyService policies;
    private final PolicyTrace trace;
    private final Clock clock;
    private final PolicyParser parser = new PolicyParser();

    public TraceService(PolicyService policies, Config config) {
        this.policies = policies;
        this.trace = new PolicyTrace(MessageLoggingSettings.from(key -> config.getOptionalValue(key, String.class)));
        this.clock = Clock.systemUTC();
    }

    public TraceResult trace(String name, TraceRequest request) {
        PolicyRevision revision = request.revision() == null ? policies.latest(name)
                : policies.revision(name, request.revision());
        PolicyParseResult.Valid valid = (PolicyParseResult.Valid) parser.parse(name, revision.xml()); // stored: valid
        Map<String, String> variables = request.variables() == null ? Map.of() : request.variables();
        FileScope scope = new FileScope("clusterlogs", Names.environment(orDefault(request.environment(), "default")),
                Names.service(orDefault(request.service(), "log-service")), revision.revision(), name);
        try {
            List<TraceResult.Record> records = trace.trace(valid.policy(), context(variables), timestamp(variables), scope)
                    .stream().map(r -> new TraceResult.Record(r.destination(),
                            new String(r.bytes(), StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(r.bytes())))
                    .toList();
            return new TraceResult(name, revision.revision(), records, null);
        } catch (TemplateRenderException e) {
            return new TraceResult(name, revision.revision(), List.of(), new TraceResult.Failure(
                    "steps.messagelogging.StepDefinitionExecutionFailed", e.getMessage(),
                    valid.policy().continueOnError()));
        }
    }

    private static FlowContext context(Map<String, String> variables) {
        FlowContext.Builder context = FlowContext.builder();
        variables.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(FlowVariables.REQUEST_HEADER)) {
                context.requestHeader(name.substring(FlowVariables.REQUEST_HEADER.length()), value);
            } else if (lower.startsWith(FlowVariables.RESPONSE_HEADER)) {
                context.responseHeader(name.substring(FlowVariables.RESPONSE_HEADER.length()), value);
            } else if (lower.startsWith(FlowVariables.QUERY_PARAM)) {
                context.queryParam(name.substring(FlowVariables.QUERY_PARAM.length()), value);
            } else {
                context.set(name, value);
            }
        });
        return context.build();
    }

    private long timestamp(Map<String, String> variables) {
        String given = variables.get("system.timestamp");
        if (given == null) {
            return clock.millis();
        }
        try {
            return Long.parseLong(given);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "InvalidTimestamp",
                    "system.timestamp is milliseconds since the epoch");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
