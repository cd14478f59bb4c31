package org.clusterlogs.messagelogging.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The last deployed set this service saw, on disk: a service that starts while policy-service is
 * down runs what it ran before instead of nothing. Written to a temporary file and moved over the
 * old one, so a crash mid-write never leaves half a set.
 */
public final class StateFile {

    private static final Logger LOG = Logger.getLogger(StateFile.class);

    private final Path path;
    private final ObjectMapper json;

    public StateFile(Path path, ObjectMapper json) {
        this.path = path;
        this.json = json;
    }

    /** The saved set; empty when there is none or it cannot be read (said in the log). */
    public Optional<DeploymentSet> load() {
        try {
            return Optional.of(json.readValue(Files.readAllBytes(path), DeploymentSet.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("message logging: cannot read the saved deployed set %s (%s); starting with none", path, e.toString());
            return Optional.empty();
        }
    }

    public void save(DeploymentSet set) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, json.writeValueAsBytes(set));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
