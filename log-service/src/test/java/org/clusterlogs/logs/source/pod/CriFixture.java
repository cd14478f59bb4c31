package org.clusterlogs.logs.source.pod;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a container's log directory the way the runtime and kubelet do: CRI records appended to
 * {@code <restart>.log}, rotation by renaming to {@code <restart>.log.<yyyyMMdd-HHmmss>} and
 * creating a new live file, compression of a rotated file, container restarts.
 */
final class CriFixture {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    final Path dir;
    private long clock = 1_763_768_640_000_000_000L;
    private long restart;

    CriFixture(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The time the next record gets, ns since the epoch. */
    long clock() {
        return clock;
    }

    Path live() {
        return dir.resolve(restart + ".log");
    }

    long restart() {
        return restart;
    }

    CriFixture out(String text) {
        return record("stdout", "F", text);
    }

    CriFixture err(String text) {
        return record("stderr", "F", text);
    }

    CriFixture outPartial(String text) {
        return record("stdout", "P", text);
    }

    CriFixture errPartial(String text) {
        return record("stderr", "P", text);
    }

    CriFixture record(String stream, String tag, String text) {
        return append(recordLine(stream, tag, text));
    }

    /** One record with its newline; advances the clock. */
    String recordLine(String stream, String tag, String text) {
        String line = timestamp(clock) + " " + stream + " " + tag + " " + text + "\n";
        clock += 1_000_123;
        return line;
    }

    CriFixture append(String raw) {
        return append(live(), raw);
    }

    CriFixture append(Path file, String raw) {
        try {
            Files.write(file, raw.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** kubelet's rotation: rename the live file away, then the runtime opens a new one. */
    Path rotate() {
        Path rotated = renameLive();
        createLive();
        return rotated;
    }

    Path renameLive() {
        Path rotated = dir.resolve(restart + ".log." + STAMP.format(Instant.ofEpochSecond(0, clock)));
        clock += 1_000_000_000L; // one rotation per second at most, as kubelet's names allow
        try {
            Files.move(live(), rotated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rotated;
    }

    CriFixture createLive() {
        try {
            Files.write(live(), new byte[0], StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** kubelet's compression: write {@code <name>.gz} (through a temporary file), delete the plain one. */
    Path gzip(Path rotated) {
        Path gz = rotated.resolveSibling(rotated.getFileName() + ".gz");
        Path tmp = rotated.resolveSibling(rotated.getFileName() + ".gz.tmp");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                Files.copy(rotated, out);
            }
            Files.move(tmp, gz);
            Files.delete(rotated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gz;
    }

    /** The container restarts: the next records go to {@code <restart + 1>.log}. */
    CriFixture restartContainer() {
        restart++;
        return createLive();
    }

    /** RFC 3339 with nanoseconds, trailing zeros of the fraction dropped (Go's RFC3339Nano). */
    static String timestamp(long nanos) {
        Instant at = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        String fraction = String.format(Locale.ROOT, "%09d", at.getNano()).replaceAll("0+$", "");
        return SECONDS.format(at) + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
    }
}
