package org.clusterlogs.messagelogging.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * An environment's deployed set as policy-service answers it (and as the state file keeps it).
 *
 * @param version rises by one with every deploy and undeploy in the environment; the ETag
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentSet(String environment, long version, List<Deployment> deployments) {

    public DeploymentSet {
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    /** The deployments a service runs: those for every service and those naming it. */
    public List<Deployment> forService(String service) {
        return deployments.stream().filter(d -> d.services() == null || d.services().contains(service)).toList();
    }

    /**
     * One deployed policy revision.
     *
     * @param services the services that run it; null: every service
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deployment(String name, int revision, List<String> services, String xml) {
    }
}
