package org.clusterlogs.logs.source.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.source.SafePaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds task sandboxes in the Mesos layout
 * {@code frameworks/<fw>/executors/<ex>/runs/<container>[/tasks/<task>]} under the configured
 * root. The root may be an agent's directory (the one holding {@code frameworks/}) or the
 * {@code slaves/} directory above it, in which case the node id picks the agent.
 */
@ApplicationScoped
public class SandboxLocator {

    private final LogsConfig config;

    public SandboxLocator(LogsConfig config) {
        this.config = config;
    }

    /** The sandbox directory of a task; the task id is null for a standalone task. */
    public Path sandbox(SandboxId id) throws IOException {
        return SafePaths.directory(agentRoot(), id.segments().toArray(String[]::new));
    }

    /** A regular file directly in a task's sandbox. */
    public Path file(SandboxId id, String file) throws IOException {
        List<String> segments = new ArrayList<>(id.segments());
        segments.add(SafePaths.segment(file, "file"));
        return SafePaths.regularFile(agentRoot(), segments.toArray(String[]::new));
    }

    /** The fields every line of this sandbox carries (the reference's SSE fields). */
    public SortedMap<String, String> fields(SandboxId id, String file) {
        SortedMap<String, String> fields = new TreeMap<>();
        fields.put("AGENT_ID", config.nodeId());
        fields.put("FRAMEWORK_ID", id.framework());
        fields.put("EXECUTOR_ID", id.executor());
        fields.put("CONTAINER_ID", id.container());
        if (id.task() != null) {
            fields.put("TASK_ID", id.task());
        }
        fields.put("FILE", file);
        return fields;
    }

    private Path agentRoot() {
        Path root = config.sandboxRoot();
        Path agent = root.resolve(config.nodeId());
        if (!Files.isDirectory(root.resolve("frameworks")) && Files.isDirectory(agent.resolve("frameworks"))) {
            return agent;
        }
        return root;
    }
}
