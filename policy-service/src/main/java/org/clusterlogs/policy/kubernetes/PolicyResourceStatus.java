package org.clusterlogs.policy.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the watch did with a {@code MessageLoggingPolicy}, as {@code kubectl get mlp} shows it.
 * {@code policy}, {@code revision} and {@code environment} say what is deployed for the resource
 * (the watch also reads them back to undeploy it when it moves or goes away).
 *
 * @param policy             the policy's name in policy-service
 * @param revision           the revision deployed
 * @param environment        where it is deployed
 * @param deployedAt         when it was deployed (ISO-8601)
 * @param message            why the current spec is not deployed; null when it is
 * @param observedGeneration the resource's {@code metadata.generation} this status is about
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyResourceStatus(String policy, Integer revision, String environment, String deployedAt,
                                   String message, Long observedGeneration) {

    /** This status with {@code message} for a spec that could not be deployed; what is deployed stays. */
    PolicyResourceStatus refused(String why, Long generation) {
        return new PolicyResourceStatus(policy, revision, environment, deployedAt, why, generation);
    }

    static PolicyResourceStatus none() {
        return new PolicyResourceStatus(null, null, null, null, null, null);
    }
}
