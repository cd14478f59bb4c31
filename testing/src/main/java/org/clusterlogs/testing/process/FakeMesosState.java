package org.clusterlogs.testing.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Mesos master's {@code state.json} as a file that discovery-service reads again on every
 * refresh: one framework, agents at loopback addresses, command tasks that can be added and
 * completed while the services run. Each change is written to a temporary file and moved into
 * place, so a reader never sees half a document.
 */
public final class FakeMesosState {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A command task: its sandbox is {@code frameworks/<fw>/executors/<id>/runs/<container>}. */
    public record MesosTask(String id, String name, String agentId, String containerId) {

        /** The sandbox, relative to its node's sandbox root. */
        public String sandbox() {
            return "frameworks/" + LocalCluster.FRAMEWORK_ID + "/executors/" + id + "/runs/" + containerId;
        }
    }

    private final Path file;
    private final Map<String, String> agents = new LinkedHashMap<>();
    private final Map<String, MesosTask> running = new LinkedHashMap<>();
    private final Map<String, MesosTask> completed = new LinkedHashMap<>();

    public FakeMesosState(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** An agent whose log-service listens on {@code host}. */
    public synchronized void agent(String id, String host) throws IOException {
        agents.put(id, host);
        write();
    }

    /** A running task. */
    public synchronized void run(MesosTask task) throws IOException {
        running.put(task.id(), task);
        write();
    }

    /** The task is over: it moves to the framework's completed tasks. */
    public synchronized void complete(String taskId) throws IOException {
        MesosTask task = running.remove(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no running task " + taskId);
        }
        completed.put(taskId, task);
        write();
    }

    public synchronized MesosTask task(String id) {
        MesosTask task = running.get(id);
        return task != null ? task : completed.get(id);
    }

    public synchronized List<MesosTask> tasks() {
        List<MesosTask> all = new ArrayList<>(running.values());
        all.addAll(completed.values());
        return all;
    }

    private void write() throws IOException {
        ObjectNode state = JSON.createObjectNode().put("version", "1.4.0");
        ObjectNode framework = state.putArray("frameworks").addObject()
                .put("id", LocalCluster.FRAMEWORK_ID).put("name", "marathon");
        tasks(framework.putArray("tasks"), running.values(), "TASK_RUNNING");
        tasks(framework.putArray("completed_tasks"), completed.values(), "TASK_FINISHED");
        state.putArray("completed_frameworks");
        ArrayNode slaves = state.putArray("slaves");
        agents.forEach((id, host) -> slaves.addObject().put("id", id).put("hostname", host)
                .put("pid", "slave(1)@" + host + ":5051"));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, JSON.writeValueAsBytes(state));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void tasks(ArrayNode into, Iterable<MesosTask> tasks, String state) {
        for (MesosTask task : tasks) {
            ObjectNode t = into.addObject().put("id", task.id()).put("name", task.name())
                    .put("framework_id", LocalCluster.FRAMEWORK_ID).put("executor_id", "")
                    .put("slave_id", task.agentId()).put("state", state);
            t.putArray("statuses").addObject().put("state", state).putObject("container_status")
                    .putObject("container_id").put("value", task.containerId());
        }
    }
}
