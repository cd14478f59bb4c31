package org.clusterlogs.policy.deployments;

import java.util.List;

/**
 * The body of a deployment: which revision, and for which services.
 *
 * @param revision the policy revision to deploy
 * @param services the services it applies to ({@code quarkus.application.name}s); absent: every service
 */
public record DeploymentRequest(Integer revision, List<String> services) {
}
