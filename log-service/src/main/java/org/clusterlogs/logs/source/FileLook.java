package org.clusterlogs.logs.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What a file looks like to change detection: its identity, size and last modification. Two
 * equal looks mean that, as far as the file system tells, nothing was written to the name,
 * renamed onto it or put in its place between them.
 */
public record FileLook(Object fileKey, long size, FileTime modified) {

    /**
     * How what {@code path} names looks now (links followed, nothing opened: change detection
     * only), or null when nothing is there.
     */
    public static FileLook at(Path path) throws IOException {
        try {
            return of(Files.readAttributes(path, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** How a file with these attributes looks. */
    public static FileLook of(BasicFileAttributes a) {
        return new FileLook(a.fileKey(), a.size(), a.lastModifiedTime());
    }
}
