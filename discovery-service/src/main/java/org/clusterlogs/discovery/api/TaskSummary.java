package org.clusterlogs.discovery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as a CLI or log viewer lists it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A task of the index")
public record TaskSummary(
        @Schema(description = "The task id; a Kubernetes container's is <namespace>.<pod>.<container>") String id,
        @Schema(description = "The task's name; a Kubernetes container's name") String name,
        @Schema(description = "mesos or kubernetes") String kind,
        @Schema(description = "The Mesos framework's name; a Kubernetes container's namespace") String framework,
        @Schema(description = "The agent id (Mesos) or node name (Kubernetes); absent while on none") String agent,
        @Schema(description = "The state its source reports: TASK_RUNNING, ... (Mesos); Running, Waiting, "
                + "Terminated or the pod phase (Kubernetes)") String state,
        @Schema(description = "Whether the task is over (Mesos completed task; pod Succeeded or Failed)")
        boolean completed,
        @Schema(description = "Where its default log is read: the Location a discovery route answers; "
                + "absent while it has no logs") String redirect) {
}
