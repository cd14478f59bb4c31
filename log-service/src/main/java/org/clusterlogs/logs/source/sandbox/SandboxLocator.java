package org.clusterlogs.logs.source.sandbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.source.SafePaths;
import org.clusterlogs.logs.source.root.ConfiguredRoots;
import org.clusterlogs.logs.source.root.RootedPath;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds task sandboxes in the Mesos layout
 * {@code frameworks/<fw>/executors/<ex>/runs/<container>[/tasks/<task>]} under the configured
 * root. The root may be an agent's directory (the one holding {@code frameworks/}) or the
 * {@code slaves/} directory above agents, in which case this node's Mesos agent id
 * ({@link MesosAgent}) picks the agent; the node name never does.
 */
@ApplicationScoped
public class SandboxLocator {

    private static final Logger LOG = Logger.getLogger(SandboxLocator.class);

    private final LogsConfig config;
    private final ConfiguredRoots roots;
    private final MesosAgent agent;

    public SandboxLocator(LogsConfig config, ConfiguredRoots roots, MesosAgent agent) {
        this.config = config;
        this.roots = roots;
        this.agent = agent;
    }

    /** Says at start where task sandboxes are looked for, and whether an agent is found. */
    void start(@Observes StartupEvent event) {
        if (!Files.isDirectory(config.sandboxRoot())) {
            return; // no sandboxes on this node: ConfiguredRoots says so, and no agent is looked for
        }
        if (isAgentDirectory()) {
            LOG.infof("Task sandboxes: %s is an agent directory", config.sandboxRoot());
            return;
        }
        try {
            LOG.infof("Task sandboxes: %s/%s (agent id from %s)", config.sandboxRoot(), agent.id(), agent.source());
        } catch (NoMesosAgentException e) {
            LOG.warnf("Task sandboxes: %s holds agents, but %s; task routes answer 404", config.sandboxRoot(),
                    e.getMessage());
        }
    }

    /**
     * The sandbox directory of a task; the task id is null for a standalone task.
     *
     * @throws NoMesosAgentException when the root holds agents and this node's agent is not known
     */
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

    /**
     * The fields every line of this sandbox carries (the reference's SSE fields). AGENT_ID is the
     * agent id; under an agent directory, {@code logs.mesos-agent-id} or else the directory's
     * name (Mesos names it after the agent id), the link not being needed there.
     */
    public SortedMap<String, String> fields(SandboxId id, String file) {
        SortedMap<String, String> fields = new TreeMap<>();
        fields.put("AGENT_ID", agentId());
        fields.put("FRAMEWORK_ID", id.framework());
        fields.put("EXECUTOR_ID", id.executor());
        fields.put("CONTAINER_ID", id.container());
        if (id.task() != null) {
            fields.put("TASK_ID", id.task());
        }
        fields.put("FILE", file);
        return fields;
    }

    /**
     * This node's Mesos agent id: under an agent directory {@code logs.mesos-agent-id} or else the
     * directory's name (Mesos names it after the agent id), the link not being needed there.
     *
     * @throws NoMesosAgentException when the root holds agents and this node's agent is not known
     */
    public String agentId() {
        return isAgentDirectory() ? agent.configured().orElseGet(this::rootName) : linkedAgent();
    }

    /** Where the agent's {@code frameworks/} is under the root: the root itself, or {@code <agent id>/}. */
    private Path agentPrefix() {
        if (isAgentDirectory()) {
            return Path.of("");
        }
        return Path.of(SafePaths.segment(linkedAgent(), "agent id"));
    }

    /** The agent under a {@code slaves/} root; without any sandboxes here, says that rather than "no agent". */
    private String linkedAgent() {
        try {
            return agent.id();
        } catch (NoMesosAgentException e) {
            roots.sandbox().requireServed();
            throw e;
        }
    }

    /** The root is trusted configuration; whether it holds {@code frameworks/} is looked up as is. */
    private boolean isAgentDirectory() {
        return Files.isDirectory(config.sandboxRoot().resolve("frameworks"));
    }

    private String rootName() {
        Path name = config.sandboxRoot().toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }
}
