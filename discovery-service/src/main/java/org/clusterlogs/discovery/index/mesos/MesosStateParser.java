package org.clusterlogs.discovery.index.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.discovery.index.Agent;
import org.clusterlogs.discovery.index.LogLocation;
import org.clusterlogs.discovery.index.SourceSnapshot;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.index.TaskGroup;
import org.clusterlogs.discovery.index.TaskKind;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@code state.json} document into a snapshot: the running tasks of every framework,
 * the completed tasks of frameworks and completed frameworks, and the agents with their
 * log-service addresses. A task's container id is the one of its latest status that names a
 * container: the outermost container of that status' chain, which for a task in a pod is the
 * executor's container its sandbox is named after.
 */
public final class MesosStateParser {

    private final ObjectMapper json;
    private final String scheme;
    private final int port;

    public MesosStateParser(ObjectMapper json, String scheme, int port) {
        this.json = json;
        this.scheme = scheme;
        this.port = port;
    }

    /** What {@link #parse} makes: the snapshot, and {@code {"slaves": [...]}} as bytes. */
    public record Parsed(SourceSnapshot snapshot, byte[] slaves) {
    }

    /** @throws IOException when the bytes are not a {@code state.json} document */
    public Parsed parse(byte[] document) throws IOException {
        MesosState state = json.readValue(document, MesosState.class);
        List<Task> running = new ArrayList<>();
        List<Task> completed = new ArrayList<>();
        for (MesosState.Framework framework : state.frameworks()) {
            framework.tasks().forEach(task -> running.add(task(framework, task, false)));
            framework.completedTasks().forEach(task -> completed.add(task(framework, task, true)));
        }
        for (MesosState.Framework framework : state.completedFrameworks()) {
            framework.completedTasks().forEach(task -> completed.add(task(framework, task, true)));
        }
        List<Agent> agents = new ArrayList<>();
        for (JsonNode slave : state.slaves()) {
            agent(slave).ifPresent(agents::add);
        }
        ObjectNode slaves = json.createObjectNode();
        slaves.putArray("slaves").addAll(state.slaves());
        return new Parsed(new SourceSnapshot(TaskGroup.of(running), TaskGroup.of(completed), agents),
                json.writeValueAsBytes(slaves));
    }

    private static Task task(MesosState.Framework framework, MesosState.MesosTask task, boolean completed) {
        String frameworkId = task.frameworkId() != null ? task.frameworkId() : framework.id();
        String executorId = task.executorId() == null ? "" : task.executorId();
        String id = task.id() == null ? "" : task.id();
        return new Task(id, task.name() == null ? "" : task.name(), TaskKind.MESOS, framework.name(),
                task.slaveId(), task.state(), completed, new LogLocation.Sandbox(frameworkId, executorId, containerId(task)));
    }

    /** The outermost container of the latest status that names one; null when none does. */
    static String containerId(MesosState.MesosTask task) {
        for (int i = task.statuses().size() - 1; i >= 0; i--) {
            MesosState.ContainerStatus status = task.statuses().get(i).containerStatus();
            MesosState.ContainerId id = status == null ? null : status.containerId();
            if (id != null && id.value() != null && !id.value().isEmpty()) {
                while (id.parent() != null && id.parent().value() != null && !id.parent().value().isEmpty()) {
                    id = id.parent();
                }
                return id.value();
            }
        }
        return null;
    }

    private Optional<Agent> agent(JsonNode slave) {
        String id = slave.path("id").asText("");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String hostname = slave.path("hostname").asText(null);
        URI logService = AgentAddress.host(slave.path("pid").asText(null), hostname)
                .flatMap(host -> Agent.logServiceAt(scheme, host, port)).orElse(null);
        return Optional.of(new Agent(id, hostname, TaskKind.MESOS, logService));
    }
}
