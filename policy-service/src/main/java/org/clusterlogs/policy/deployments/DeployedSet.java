package org.clusterlogs.policy.deployments;

import java.util.List;

/**
 * Everything deployed to one environment, and its version: the version rises with every deploy and
 * undeploy there, and is the answer's {@code ETag}.
 */
public record DeployedSet(String environment, long version, List<Deployment> deployments) {
}
