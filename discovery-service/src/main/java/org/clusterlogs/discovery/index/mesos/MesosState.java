package org.clusterlogs.discovery.index.mesos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The parts of Mesos' {@code state.json} the index reads; everything else is skipped while
 * parsing. The agents stay JSON trees, because {@code /mesos/master/slaves} serves them whole.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MesosState(List<Framework> frameworks,
                  @JsonProperty("completed_frameworks") List<Framework> completedFrameworks,
                  List<JsonNode> slaves) {

    MesosState {
        frameworks = frameworks == null ? List.of() : frameworks;
        completedFrameworks = completedFrameworks == null ? List.of() : completedFrameworks;
        slaves = slaves == null ? List.of() : slaves;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Framework(String id, String name, List<MesosTask> tasks,
                     @JsonProperty("completed_tasks") List<MesosTask> completedTasks) {

        Framework {
            tasks = tasks == null ? List.of() : tasks;
            completedTasks = completedTasks == null ? List.of() : completedTasks;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MesosTask(String id, String name, @JsonProperty("framework_id") String frameworkId,
                     @JsonProperty("executor_id") String executorId, @JsonProperty("slave_id") String slaveId,
                     String state, List<Status> statuses) {

        MesosTask {
            statuses = statuses == null ? List.of() : statuses;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(@JsonProperty("container_status") ContainerStatus containerStatus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContainerStatus(@JsonProperty("container_id") ContainerId containerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContainerId(String value, ContainerId parent) {
    }
}
