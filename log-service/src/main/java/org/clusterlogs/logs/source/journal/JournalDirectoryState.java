package org.clusterlogs.logs.source.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the journal directory looked like: name, size, modification time and identity of every
 * file in it and in its machine-id subdirectories (where journald keeps its files). A reader
 * that reached the end does not run journalctl again while this stays the same.
 *
 * <p>File times are coarse (a kernel tick), so a write right after the snapshot could leave
 * the time unchanged. A snapshot is therefore only trusted when every file was last modified
 * at least {@code settle} before it was taken: any later write must then move a time.
 */
final class JournalDirectoryState {

    private final Map<String, List<Object>> files;
    private final boolean settled;

    private JournalDirectoryState(Map<String, List<Object>> files, boolean settled) {
        this.files = files;
        this.settled = settled;
    }

    static JournalDirectoryState take(Path directory, Duration settle) throws IOException {
        long now = System.currentTimeMillis();
        Map<String, List<Object>> files = new TreeMap<>();
        long newest = collect(directory, "", files, true);
        return new JournalDirectoryState(files, newest < now - settle.toMillis());
    }

    /** Whether {@code later} shows no change since this snapshot, and this snapshot can be trusted. */
    boolean unchangedIn(JournalDirectoryState later) {
        return settled && files.equals(later.files);
    }

    /** The directory's journal subdirectories (named by a 128-bit machine id). */
    static List<Path> machineDirectories(Path directory) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path p : entries) {
                if (isMachineId(p.getFileName().toString()) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            // a missing directory has none; journalctl reports the error when it runs
        }
        return found;
    }

    /** Adds the files below {@code directory}; answers the newest modification time seen (ms). */
    private static long collect(Path directory, String prefix, Map<String, List<Object>> files, boolean descend)
            throws IOException {
        long newest = Long.MIN_VALUE;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // removed while listing: the next snapshot differs anyway
                }
                if (a.isDirectory()) {
                    if (descend && isMachineId(name)) {
                        newest = Math.max(newest, collect(p, prefix + name + "/", files, false));
                    }
                    continue;
                }
                files.put(prefix + name, List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey())));
                newest = Math.max(newest, a.lastModifiedTime().toMillis());
            }
        } catch (NoSuchFileException e) {
            files.put(prefix, List.of("missing"));
        }
        return newest;
    }

    private static boolean isMachineId(String name) {
        if (name.length() != 32) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
