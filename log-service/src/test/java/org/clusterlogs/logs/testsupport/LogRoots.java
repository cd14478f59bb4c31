package org.clusterlogs.logs.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fresh log roots for the service under test: a temporary sandbox root, pods root, components
 * directory and journal directory. Every test writes under its own ids, so tests share one
 * running service.
 *
 * <p>The sandbox root is laid out as a Mesos work dir: {@code mesos/slaves/<agent id>/frameworks}
 * with {@code mesos/meta/slaves/latest -> <absolute>/mesos/meta/slaves/<agent id>}, and the
 * agent id differs from the node id, as on a real agent.
 */
public class LogRoots implements QuarkusTestResourceLifecycleManager {

    public static final String NODE_ID = "test-node-1";
    public static final String AGENT_ID = "0c1f7a2e-5b9d-4e61-8a3c-2d4b6e8f0a11-S3";
    private static Path base;

    @Override
    public Map<String, String> start() {
        try {
            base = Files.createTempDirectory("log-roots-");
            for (String d : new String[]{"pods", "components", "journal", "outside"}) {
                Files.createDirectories(base.resolve(d));
            }
            Files.createDirectories(agentSandboxes(AGENT_ID));
            Path agentMeta = Files.createDirectories(metaSlaves().resolve(AGENT_ID));
            Files.createSymbolicLink(metaSlaves().resolve("latest"), agentMeta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "logs.node-id", NODE_ID,
                "logs.sandbox-root", sandbox().toString(),
                "logs.pods-root", pods().toString(),
                "logs.components-dir", components().toString(),
                "logs.journal-dir", journal().toString(),
                "logs.ping-interval", "1s",
                "logs.follow-recheck", "1h",
                "logs.mesos-agent-recheck", "0s");
    }

    @Override
    public void stop() {
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    /** The configured sandbox root: a Mesos work dir's {@code slaves/}. */
    public static Path sandbox() {
        return base.resolve("mesos").resolve("slaves");
    }

    /** The agent directory (holding {@code frameworks/}) of an agent id. */
    public static Path agentSandboxes(String agentId) {
        return sandbox().resolve(agentId);
    }

    /** The Mesos work dir's {@code meta/slaves}, where {@code latest} names the agent. */
    public static Path metaSlaves() {
        return base.resolve("mesos").resolve("meta").resolve("slaves");
    }

    public static Path pods() {
        return base.resolve("pods");
    }

    public static Path components() {
        return base.resolve("components");
    }

    public static Path journal() {
        return base.resolve("journal");
    }

    /** A directory beside the roots, for escape attempts. */
    public static Path outside() {
        return base.resolve("outside");
    }
}
