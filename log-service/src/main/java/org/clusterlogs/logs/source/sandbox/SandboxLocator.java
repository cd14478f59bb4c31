package org.clusterlogs.logs.source.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.source.SafePaths;
import org.clusterlogs.logs.source.root.ConfiguredRoots;
import org.clusterlogs.logs.source.root.RootedPath;

import java.nio.file.Files;
import java.nio.file.Path;
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
    private final ConfiguredRoots roots;

    public SandboxLocator(LogsConfig config, ConfiguredRoots roots) {
        this.config = config;
        this.roots = roots;
    }

    /** The sandbox directory of a task; the task id is null for a standalone task. */
    public RootedPath sandbox(SandboxId id) {
        return new RootedPath(roots.sandbox(), agentPrefix().resolve(String.join("/", id.segments())));
    }

    /**
     * A path under the agent's directory (the one holding {@code frameworks/}), as a Mesos files
     * API path names it; its segments must already be checked. Opened only through the sandbox root.
     */
    public RootedPath underAgent(String relative) {
        return new RootedPath(roots.sandbox(), agentPrefix().resolve(relative));
    }

    /** A file directly in a task's sandbox (opened only through the sandbox root). */
    public RootedPath file(SandboxId id, String file) {
        return sandbox(id).child(SafePaths.segment(file, "file"));
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

    /** Where the agent's {@code frameworks/} is under the root: the root itself, or {@code <node id>/}. */
    private Path agentPrefix() {
        Path root = config.sandboxRoot();
        Path agent = root.resolve(config.nodeId());
        if (!Files.isDirectory(root.resolve("frameworks")) && Files.isDirectory(agent.resolve("frameworks"))) {
            return Path.of(config.nodeId());
        }
        return Path.of("");
    }
}
