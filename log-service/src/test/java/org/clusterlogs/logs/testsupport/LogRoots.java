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
 */
public class LogRoots implements QuarkusTestResourceLifecycleManager {

    public static final String NODE_ID = "test-agent-1";
    private static Path base;

    @Override
    public Map<String, String> start() {
        try {
            base = Files.createTempDirectory("log-roots-");
            for (String d : new String[]{"sandbox", "pods", "components", "journal", "outside"}) {
                Files.createDirectories(base.resolve(d));
            }
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
                "logs.follow-recheck", "1h");
    }

    @Override
    public void stop() {
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    public static Path sandbox() {
        return base.resolve("sandbox");
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
