package org.clusterlogs.logs.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

/**
 * The file system's clock, as modification times show it: coarse (a few milliseconds on ext4,
 * a second on some file systems), so a test that needs one change to be strictly later than
 * another waits for it to move.
 */
public final class FileClock {

    private FileClock() {
    }

    /** Returns once a file written in {@code dir} gets a later modification time than one written before the call. */
    public static void tick(Path dir) throws IOException, InterruptedException {
        Path probe = Files.createTempFile(dir, "clock", "");
        try {
            Files.writeString(probe, "x", StandardOpenOption.APPEND);
            FileTime before = Files.getLastModifiedTime(probe);
            do {
                Thread.sleep(2);
                Files.writeString(probe, "x", StandardOpenOption.APPEND);
            } while (Files.getLastModifiedTime(probe).compareTo(before) <= 0);
        } finally {
            Files.delete(probe);
        }
    }
}
