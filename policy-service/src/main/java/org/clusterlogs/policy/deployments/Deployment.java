package org.clusterlogs.policy.deployments;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * One policy revision deployed to an environment.
 *
 * @param services the services it applies to ({@code quarkus.application.name}s); null: every service
 * @param xml      the revision's document, so a service needs no second call to load it
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Deployment(String name, int revision, List<String> services, Instant deployedAt, String xml) {
}
