package org.clusterlogs.logs.source.root;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.metrics.LogMetrics;

import java.nio.file.Path;

/** The log roots of this node's configuration; every refusal under any of them is counted. */
@ApplicationScoped
public class ConfiguredRoots {

    private final LogRoot sandbox;
    private final LogRoot pods;
    private final LogRoot components;
    private final LogRoot mesosMetaSlaves;

    public ConfiguredRoots(LogsConfig config, LogMetrics metrics) {
        this.sandbox = new LogRoot(config.sandboxRoot(), metrics::pathRefused);
        this.pods = new LogRoot(config.podsRoot(), metrics::pathRefused);
        this.components = new LogRoot(config.componentsDir(), metrics::pathRefused);
        this.mesosMetaSlaves = new LogRoot(metaSlavesBeside(config.sandboxRoot()), metrics::pathRefused);
    }

    /** Mesos sandboxes: an agent's directory, or the {@code slaves/} directory above agents. */
    public LogRoot sandbox() {
        return sandbox;
    }

    /** kubelet's pod log directory. */
    public LogRoot pods() {
        return pods;
    }

    /**
     * The Mesos agent's {@code <work_dir>/meta/slaves}, where the {@code latest} link names the
     * agent id: beside the sandbox root when that is {@code <work_dir>/slaves}.
     */
    public LogRoot mesosMetaSlaves() {
        return mesosMetaSlaves;
    }

    static Path metaSlavesBeside(Path sandboxRoot) {
        Path root = sandboxRoot.toAbsolutePath().normalize();
        Path workDir = root.getParent() == null ? root : root.getParent();
        return workDir.resolve("meta").resolve("slaves");
    }

    /** Component log files. */
    public LogRoot components() {
        return components;
    }
}
