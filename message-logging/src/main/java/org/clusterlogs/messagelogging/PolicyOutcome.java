package org.clusterlogs.messagelogging;

import java.util.Map;

/**
 * What running a policy for one call did.
 *
 * @param status        executed, skipped ({@code enabled="false"}) or failed under {@code continueOnError}
 * @param flowVariables the variables the policy sets for the rest of the flow: for a failure,
 *                      {@code messagelogging.failed} and {@code messagelogging.{name}.failed}, both {@code true}
 * @param failure       why it failed, or null
 */
public record PolicyOutcome(Status status, Map<String, String> flowVariables, String failure) {

    public enum Status { EXECUTED, SKIPPED, FAILED }

    public static final PolicyOutcome EXECUTED = new PolicyOutcome(Status.EXECUTED, Map.of(), null);
    public static final PolicyOutcome SKIPPED = new PolicyOutcome(Status.SKIPPED, Map.of(), null);

    static PolicyOutcome failed(String policy, String failure) {
        return new PolicyOutcome(Status.FAILED, failureVariables(policy), failure);
    }

    static Map<String, String> failureVariables(String policy) {
        return Map.of("messagelogging.failed", "true", "messagelogging." + policy + ".failed", "true");
    }
}
