package org.clusterlogs.logs.source.root;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.metrics.LogMetrics;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The log roots of this node's configuration; every refusal under any of them is counted. A
 * root that does not exist means this node does not serve that kind of log (a Kubernetes node
 * has no Mesos sandboxes): it is logged once at start, reported by {@link #sources()} (and so in
 * {@code /q/health}), and its routes answer 404 saying so.
 */
@ApplicationScoped
public class ConfiguredRoots {

    private static final Logger LOG = Logger.getLogger(ConfiguredRoots.class);
    static final Path PERSISTENT_JOURNAL = Path.of("/var/log/journal");
    static final Path VOLATILE_JOURNAL = Path.of("/run/log/journal");

    private final LogRoot sandbox;
    private final LogRoot pods;
    private final LogRoot components;
    private final LogRoot mesosMetaSlaves;
    private final Path journalDir;
    private final Map<String, Path> configured = new LinkedHashMap<>();

    public ConfiguredRoots(LogsConfig config, LogMetrics metrics) {
        this.sandbox = new LogRoot(config.sandboxRoot(), metrics::pathRefused);
        this.pods = new LogRoot(config.podsRoot(), metrics::pathRefused);
        this.components = new LogRoot(config.componentsDir(), metrics::pathRefused);
        this.mesosMetaSlaves = new LogRoot(metaSlavesBeside(config.sandboxRoot()), metrics::pathRefused);
        this.journalDir = config.journalDir().orElseGet(ConfiguredRoots::defaultJournal);
        configured.put("task sandboxes (logs.sandbox-root)", config.sandboxRoot());
        configured.put("pod logs (logs.pods-root)", config.podsRoot());
        configured.put("component log files (logs.components-dir)", config.componentsDir());
        configured.put("journal (logs.journal-dir)", journalDir);
    }

    private static Path defaultJournal() {
        return Files.isDirectory(PERSISTENT_JOURNAL) ? PERSISTENT_JOURNAL : VOLATILE_JOURNAL;
    }

    void logAtStart(@Observes StartupEvent event) {
        sources().forEach((source, served) -> {
            if (!served.served()) {
                LOG.infof("%s: %s does not exist; this node does not serve them", source, served.path());
            }
        });
    }

    /** Each kind of log, where it is configured to be, and whether that directory exists now. */
    public Map<String, Source> sources() {
        Map<String, Source> out = new LinkedHashMap<>();
        configured.forEach((source, path) -> out.put(source, new Source(path, Files.isDirectory(path))));
        return out;
    }

    /** @param served whether the directory exists (the routes of a missing one answer 404) */
    public record Source(Path path, boolean served) {
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

    /** The journal directory: as configured, else the persistent one when it exists, else the volatile one. */
    public Path journalDir() {
        return journalDir;
    }
}
