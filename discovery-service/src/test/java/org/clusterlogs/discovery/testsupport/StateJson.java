package org.clusterlogs.discovery.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Mesos {@code state.json} documents for the tests, shaped like a real master's: frameworks with
 * running and completed tasks, a completed framework, agents with hostname and pid.
 * {@link #cluster()} is the fixture most tests share:
 *
 * <ul>
 *   <li>framework {@code marathon}: {@code nginx.7f3c} (name {@code nginx}, a command task in container
 *       {@code c-nginx}), {@code web.1} and {@code web.10} (both named {@code web}), {@code late.1}
 *       (no status yet), completed {@code batch.2a} (name {@code batch}, container {@code c-batch});</li>
 *   <li>framework {@code pods}: {@code pod1.sidecar}, a task in a pod (executor {@code pod1-executor},
 *       nested container {@code c-inner} in {@code c-pod1});</li>
 *   <li>completed framework {@code old}: completed {@code old.1};</li>
 *   <li>agents {@code agent-1} (pid at 127.0.0.1) and {@code agent-2} (hostname only).</li>
 * </ul>
 */
public final class StateJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();

    public StateJson() {
        root.put("version", "1.4.0");
        root.putArray("frameworks");
        root.putArray("completed_frameworks");
        root.putArray("slaves");
    }

    public static StateJson cluster() {
        StateJson state = new StateJson();
        ObjectNode marathon = state.framework("fw-marathon", "marathon");
        task(marathon, "tasks", "nginx.7f3c", "nginx", "", "agent-1", "c-nginx", null);
        task(marathon, "tasks", "web.1", "web", "", "agent-1", "c-web1", null);
        task(marathon, "tasks", "web.10", "web", "", "agent-2", "c-web10", null);
        task(marathon, "tasks", "late.1", "late", "", "agent-1", null, null);
        task(marathon, "completed_tasks", "batch.2a", "batch", "", "agent-2", "c-batch", null);
        ObjectNode pods = state.framework("fw-pods", "pods");
        task(pods, "tasks", "pod1.sidecar", "sidecar", "pod1-executor", "agent-1", "c-inner", "c-pod1");
        ObjectNode old = state.root.withArray("completed_frameworks").addObject().put("id", "fw-old").put("name", "old");
        task(old, "completed_tasks", "old.1", "old", "", "agent-2", "c-old", null);
        state.agent("agent-1", "node-1.example", "slave(1)@127.0.0.1:5051");
        state.agent("agent-2", "node-2.example", null);
        return state;
    }

    public ObjectNode framework(String id, String name) {
        ObjectNode framework = root.withArray("frameworks").addObject().put("id", id).put("name", name);
        framework.putArray("tasks");
        framework.putArray("completed_tasks");
        return framework;
    }

    /** Adds a task to the framework's {@code tasks} or {@code completed_tasks}; a null container: no status. */
    public static ObjectNode task(ObjectNode framework, String list, String id, String name, String executor,
                                  String agent, String container, String parent) {
        ObjectNode task = framework.withArray(list).addObject()
                .put("id", id).put("name", name).put("framework_id", framework.get("id").asText())
                .put("executor_id", executor).put("slave_id", agent)
                .put("state", list.equals("tasks") ? "TASK_RUNNING" : "TASK_FINISHED");
        ArrayNode statuses = task.putArray("statuses");
        if (container != null) {
            ObjectNode id2 = statuses.addObject().put("state", "TASK_RUNNING").putObject("container_status")
                    .putObject("container_id").put("value", container);
            if (parent != null) {
                id2.putObject("parent").put("value", parent);
            }
        }
        return task;
    }

    public StateJson agent(String id, String hostname, String pid) {
        ObjectNode agent = root.withArray("slaves").addObject().put("id", id).put("hostname", hostname);
        if (pid != null) {
            agent.put("pid", pid);
        }
        agent.putObject("resources").put("cpus", 4);
        return this;
    }

    /** The first framework of that name. */
    public ObjectNode framework(String name) {
        for (var framework : root.withArray("frameworks")) {
            if (framework.path("name").asText().equals(name)) {
                return (ObjectNode) framework;
            }
        }
        throw new IllegalArgumentException(name);
    }

    public byte[] bytes() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
