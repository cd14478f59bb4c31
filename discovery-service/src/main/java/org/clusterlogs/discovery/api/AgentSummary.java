package org.clusterlogs.discovery.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent or node as a CLI lists it. */
@Schema(description = "An agent (Mesos) or node (Kubernetes) of the index")
public record AgentSummary(
        @Schema(description = "The Mesos agent id or the Kubernetes node name: the {agent_id} of the agent routes")
        String id,
        @Schema(description = "Its hostname") String hostname,
        @Schema(description = "mesos or kubernetes") String kind,
        @Schema(description = "Whether its log-service is known, so that its agent routes can answer")
        boolean hasLogService) {
}
