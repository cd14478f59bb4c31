package org.clusterlogs.logs.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real journal directories for tests, written by {@code systemd-journal-remote} from the
 * journal export format, and read back only through journalctl, as the service reads them.
 *
 * <pre>{@code
 * JournalFixture journal = JournalFixture.create(dir)
 *         .entry(Map.of("MESSAGE", "one", "UNIT", "a.service"))
 *         .entry(Map.of("MESSAGE", "two"))
 *         .write();
 * List<String> cursors = journal.cursors();
 * journal.append(List.of(Map.of("MESSAGE", "three")));   // a second journal file, read after the first
 * }</pre>
 *
 * Entry i (0-based, counted over the fixture's whole life) has realtime
 * {@link #realtimeMicros(int)} (one second apart, a quarter second past the second, so that
 * truncation to seconds shows), monotonic {@code 1 s + i ms} and the boot id {@link #BOOT_ID}.
 */
public final class JournalFixture {

    public static final String JOURNALCTL = "journalctl";
    public static final String BOOT_ID = "0123456789abcdef0123456789abcdef";
    /** 2023-11-14 22:13:20.250 UTC. */
    public static final long FIRST_REALTIME_MICROS = 1_700_000_000_250_000L;
    private static final long FIRST_MONOTONIC_MICROS = 1_000_000L;
    private static final List<Path> JOURNAL_REMOTE = List.of(
            Path.of("/usr/lib/systemd/systemd-journal-remote"),
            Path.of("/lib/systemd/systemd-journal-remote"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path journalRemote;
    private final List<List<Map.Entry<String, byte[]>>> pending = new ArrayList<>();
    private int written;
    private int files;
    private int rotations;

    private JournalFixture(Path dir, Path journalRemote) {
        this.dir = dir;
        this.journalRemote = journalRemote;
    }

    /** A fixture writing into {@code dir} (created if needed). Fails when journal-remote is missing. */
    public static JournalFixture create(Path dir) throws IOException {
        Path remote = JOURNAL_REMOTE.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "systemd-journal-remote is not installed (looked at " + JOURNAL_REMOTE
                                + "); the journal tests need it to write real journal files: "
                                + "apt-get install -y systemd-journal-remote"));
        Files.createDirectories(dir);
        return new JournalFixture(dir, remote);
    }

    public static long realtimeMicros(int index) {
        return FIRST_REALTIME_MICROS + index * 1_000_000L;
    }

    public static long monotonicMicros(int index) {
        return FIRST_MONOTONIC_MICROS + index * 1_000L;
    }

    public Path dir() {
        return dir;
    }

    /** Queues an entry with these fields (each once, text values). */
    public JournalFixture entry(Map<String, String> fields) {
        List<Map.Entry<String, byte[]>> raw = new ArrayList<>();
        fields.forEach((k, v) -> raw.add(field(k, v.getBytes(StandardCharsets.UTF_8))));
        return rawEntry(raw);
    }

    /** Queues an entry given as (name, bytes) pairs: names may repeat, values may be any bytes. */
    public JournalFixture rawEntry(List<Map.Entry<String, byte[]>> fields) {
        pending.add(List.copyOf(fields));
        return this;
    }

    public static Map.Entry<String, byte[]> field(String name, byte[] value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    public static Map.Entry<String, byte[]> field(String name, String value) {
        return field(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the queued entries: the first time into {@code system.journal}, later into a new
     * file {@code system@<n>.journal} (like another writer; journalctl interleaves files by time).
     */
    public JournalFixture write() throws IOException {
        String name = files == 0 ? "system.journal" : "system@" + files + ".journal";
        return writeInto(name);
    }

    /**
     * Writes the queued entries into this file of the directory, appending when it exists.
     * systemd-journal-remote writes with journald's own code, so a journalctl following the file
     * meanwhile sees what it sees of journald, including an entry printed without a field it is
     * still being linked to (the service reads such an entry again, see JournalEntryHash).
     */
    public JournalFixture writeInto(String fileName) throws IOException {
        if (!fileName.endsWith(".journal")) {
            throw new IllegalArgumentException("systemd-journal-remote wants a name ending in .journal: " + fileName);
        }
        Path export = Files.createTempFile("journal-fixture-", ".export");
        try {
            Files.write(export, exportFormat());
            run(List.of(journalRemote.toString(), "--output=" + dir.resolve(fileName), export.toString()));
            written += pending.size();
            pending.clear();
            files++;
        } finally {
            Files.deleteIfExists(export);
        }
        return this;
    }

    /** Queues these entries and writes them into a new file. */
    public JournalFixture append(List<Map<String, String>> entries) throws IOException {
        entries.forEach(this::entry);
        return write();
    }

    /**
     * Rotates like journald: {@code system.journal} is renamed to an archive name, so the next
     * {@link #writeInto writeInto("system.journal")} starts a fresh file.
     */
    public JournalFixture rotate() throws IOException {
        rotations++;
        Files.move(dir.resolve("system.journal"), dir.resolve("system@rotated-" + rotations + ".journal"));
        return this;
    }

    /** The cursors of all entries in the directory, in journal order (read by journalctl). */
    public List<String> cursors() throws IOException {
        List<String> cursors = new ArrayList<>();
        for (String line : run(List.of(JOURNALCTL, "--directory=" + dir, "--no-pager", "--output=json",
                "--output-fields=__CURSOR")).split("\n")) {
            if (!line.isBlank()) {
                JsonNode json = JSON.readTree(line);
                cursors.add(json.get("__CURSOR").textValue());
            }
        }
        return cursors;
    }

    private byte[] exportFormat() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int index = written;
        for (List<Map.Entry<String, byte[]>> fields : pending) {
            text(out, "__REALTIME_TIMESTAMP", Long.toString(realtimeMicros(index)));
            text(out, "__MONOTONIC_TIMESTAMP", Long.toString(monotonicMicros(index)));
            if (fields.stream().noneMatch(f -> f.getKey().equals("_BOOT_ID"))) {
                text(out, "_BOOT_ID", BOOT_ID);
            }
            for (Map.Entry<String, byte[]> f : fields) {
                field(out, f.getKey(), f.getValue());
            }
            out.write('\n');
            index++;
        }
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String name, String value) {
        out.writeBytes((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A field in the export format: the text form {@code NAME=value} unless the value holds a
     * newline, then the binary form (name, little-endian 64-bit length, bytes).
     */
    private static void field(ByteArrayOutputStream out, String name, byte[] value) {
        boolean newline = false;
        for (byte b : value) {
            newline |= b == '\n';
        }
        if (!newline) {
            out.writeBytes((name + "=").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value);
            out.write('\n');
            return;
        }
        out.writeBytes((name + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value.length).array());
        out.writeBytes(value);
        out.write('\n');
    }

    private static String run(List<String> command) throws IOException {
        Path err = Files.createTempFile("journal-fixture-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] stdout = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IOException(command + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
