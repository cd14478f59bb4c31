package org.clusterlogs.messagelogging.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a {@code <MessageLogging>} policy. The one entry point of the control plane
 * (policy-service's API, the admission webhook, trace) and of the data plane (a service loading
 * the deployed set): both see the same errors for the same document.
 *
 * <pre>{@code
 * PolicyParseResult result = new PolicyParser().parse("LogToSyslog", xml);
 * if (result instanceof PolicyParseResult.Valid valid) {
 *     deploy(valid.policy());
 * } else {
 *     refuse(result.errors());   // every error of the policy at once
 * }
 * }</pre>
 *
 * Thread-safe and cheap to create; it keeps no state between calls.
 */
public final class PolicyParser {

    /** Policy names end up in file names and flow variable names: a conservative alphabet. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,254}");
    private static final Set<String> ROOT_CHILDREN = Set.of("DisplayName", "Description", "Syslog", "File",
            "CloudLogging", "logLevel", "BufferMessage", "IgnoreUnresolvedVariables", "NotificationIntervalInSec");

    /**
     * Parses one policy.
     *
     * @param name the policy's name as the caller knows it (the name in the URL, the resource name);
     *             the document's {@code name} attribute must be the same when present. Null: take the attribute.
     * @param xml  the policy document
     * @return the valid policy, or every error found in it
     */
    public PolicyParseResult parse(String name, String xml) {
        XmlElement root;
        try {
            root = SafeXml.read(xml);
        } catch (SafeXml.Refused refused) {
            PolicyErrors errors = new PolicyErrors(name == null ? "" : name);
            errors.document(refused.code(), refused.getMessage());
            return new PolicyParseResult.Invalid(errors.all());
        }
        String documentName = root.attribute("name").map(String::strip).orElse(null);
        PolicyErrors errors = new PolicyErrors(name != null ? name : documentName == null ? "" : documentName);
        checkName(name, documentName, errors);
        if (!root.name().equals("MessageLogging")) {
            errors.add(PolicyErrors.UNKNOWN_ELEMENT, "The root element is " + root.name()
                    + ", not MessageLogging, in policy " + errors.policy() + ".");
            return new PolicyParseResult.Invalid(errors.all());
        }
        MessageLoggingPolicy policy = read(root, errors);
        return errors.isEmpty() ? new PolicyParseResult.Valid(policy) : new PolicyParseResult.Invalid(errors.all());
    }

    private static void checkName(String name, String documentName, PolicyErrors errors) {
        if (name == null && documentName == null) {
            errors.add(PolicyErrors.INVALID_POLICY_NAME, "The policy has no name attribute.");
            return;
        }
        String effective = name != null ? name : documentName;
        if (!NAME.matcher(effective).matches()) {
            errors.add(PolicyErrors.INVALID_POLICY_NAME, "Invalid policy name: " + effective
                    + ". Use up to 255 letters, digits, '.', '_' and '-', starting with a letter or digit.");
        } else if (name != null && documentName != null && !name.equals(documentName)) {
            errors.add(PolicyErrors.INVALID_POLICY_NAME, "The name attribute " + documentName
                    + " does not match the policy name " + name + ".");
        }
    }

    private static MessageLoggingPolicy read(XmlElement root, PolicyErrors errors) {
        ElementReader reader = new ElementReader(root, errors, ROOT_CHILDREN);
        boolean enabled = reader.boolAttribute("enabled", true);
        boolean continueOnError = reader.boolAttribute("continueOnError", false);
        reader.boolAttribute("async", false); // deprecated everywhere: validated, then ignored
        LogLevel logLevel = reader.text("logLevel").filter(v -> !v.isEmpty()).map(v -> logLevel(v, errors)).orElse(LogLevel.INFO);
        boolean ignoreUnresolved = reader.bool("IgnoreUnresolvedVariables", true);
        boolean bufferMessage = reader.bool("BufferMessage", false);
        reader.text("NotificationIntervalInSec"); // a legacy alerting knob: accepted, ignored
        String displayName = reader.text("DisplayName").filter(s -> !s.isEmpty()).orElse(errors.policy());

        for (String element : new String[]{"Syslog", "File"}) {
            if (root.children(element).size() > 1) {
                errors.multipleDestinations(element);
            }
        }
        if (!root.children("CloudLogging").isEmpty()) {
            errors.unsupportedDestination("CloudLogging");
        }
        Optional<SyslogTarget> syslog = root.children("Syslog").stream().findFirst()
                .map(e -> new SyslogReader(e, errors, ignoreUnresolved).read());
        Optional<FileTarget> file = root.children("File").stream().findFirst()
                .map(e -> new FileTargetReader(e, errors, ignoreUnresolved).read());
        if (root.children("Syslog").isEmpty() && root.children("File").isEmpty()
                && root.children("CloudLogging").isEmpty()) {
            errors.missingDestination();
        }
        return new MessageLoggingPolicy(errors.policy(), displayName, enabled, continueOnError, logLevel,
                ignoreUnresolved, bufferMessage, syslog, file);
    }

    private static LogLevel logLevel(String value, PolicyErrors errors) {
        try {
            return LogLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.invalidLogLevel(value);
            return LogLevel.INFO;
        }
    }
}
