package org.clusterlogs.logs.source.root;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.metrics.LogMetrics;

/** The log roots of this node's configuration; every refusal under any of them is counted. */
@ApplicationScoped
public class ConfiguredRoots {

    private final LogRoot sandbox;
    private final LogRoot pods;
    private final LogRoot components;

    public ConfiguredRoots(LogsConfig config, LogMetrics metrics) {
        this.sandbox = new LogRoot(config.sandboxRoot(), metrics::pathRefused);
        this.pods = new LogRoot(config.podsRoot(), metrics::pathRefused);
        this.components = new LogRoot(config.componentsDir(), metrics::pathRefused);
    }

    /** Mesos sandboxes: an agent's directory, or the {@code slaves/} directory above agents. */
    public LogRoot sandbox() {
        return sandbox;
    }

    /** kubelet's pod log directory. */
    public LogRoot pods() {
        return pods;
    }

    /** Component log files. */
    public LogRoot components() {
        return components;
    }
}
