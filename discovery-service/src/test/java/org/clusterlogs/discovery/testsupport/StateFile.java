package org.clusterlogs.discovery.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** A {@code state.json} file ({@link StateJson#cluster()}) as the Mesos source, read again every 200 ms. */
public class StateFile implements QuarkusTestResourceLifecycleManager {

    public static volatile Path file;

    @Override
    public Map<String, String> start() {
        try {
            file = Files.createTempDirectory("state-").resolve("state.json");
            write(StateJson.cluster());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("discovery.mesos.state", file.toString(), "discovery.mesos.refresh", "200ms");
    }

    @Override
    public void stop() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            // a temporary directory
        }
    }

    /** Replaces the document at once (written aside, then moved), as a master's state would change. */
    public static void write(StateJson state) {
        try {
            Path next = file.resolveSibling("state.json.next");
            Files.write(next, state.bytes());
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
