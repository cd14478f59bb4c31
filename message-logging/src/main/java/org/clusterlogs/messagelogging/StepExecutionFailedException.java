package org.clusterlogs.messagelogging;

import java.util.HashMap;
import java.util.Map;

/**
 * The policy's runtime fault: its message could not be rendered and {@code continueOnError} is
 * false. The caller answers it as the reference does — status 500, {@link #FAULT_BODY} — when the
 * response is still its to write, and sets {@link #flowVariables()} either way. Delivery problems
 * (a dead syslog server, a full disk) never raise it: they happen after the call, on the writer.
 */
public class StepExecutionFailedException extends RuntimeException {

    public static final String FAULT_NAME = "StepDefinitionExecutionFailed";
    public static final String FAULT_CODE = "steps.messagelogging." + FAULT_NAME;
    public static final int STATUS = 500;
    public static final String FAULT_BODY = "{\"fault\":{\"detail\":{\"errorcode\":\"" + FAULT_CODE
            + "\"},\"faultstring\":\"Execution failed\"}}";

    private final String policy;

    public StepExecutionFailedException(String policy, Throwable cause) {
        super("message logging policy " + policy + " failed: " + cause.getMessage(), cause);
        this.policy = policy;
    }

    public String policy() {
        return policy;
    }

    /** {@code fault.name}, {@code messagelogging.failed} and {@code messagelogging.{policy}.failed}. */
    public Map<String, String> flowVariables() {
        Map<String, String> variables = new HashMap<>(PolicyOutcome.failureVariables(policy));
        variables.put("fault.name", FAULT_NAME);
        return Map.copyOf(variables);
    }
}
