package org.clusterlogs.cli.config;

import org.clusterlogs.cli.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The config file. It holds a token, so it is written owner-only (0600, in a 0700 directory)
 * from the moment it exists: the new content goes to a temporary file created with those
 * permissions, then replaces the file in one rename, so a reader never sees half a file.
 */
public final class ConfigStore {

    private final Path file;

    public ConfigStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The stored config, or {@link StoredConfig#EMPTY} when there is no file yet. */
    public StoredConfig load() {
        if (!Files.exists(file)) {
            return StoredConfig.EMPTY;
        }
        try {
            return Json.mapper().readValue(file.toFile(), StoredConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config file " + file + ": " + e.getMessage(), e);
        }
    }

    public void save(StoredConfig config) {
        try {
            Path directory = file.getParent();
            if (!Files.isDirectory(directory)) {
                try {
                    Files.createDirectories(directory.getParent());
                    Files.createDirectory(directory,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException raced) {
                    // another login made it meanwhile
                }
            }
            Path temporary = Files.createTempFile(directory, "config", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), config);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config file " + file + ": " + e.getMessage(), e);
        }
    }
}
