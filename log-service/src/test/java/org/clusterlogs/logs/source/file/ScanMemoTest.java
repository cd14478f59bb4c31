package org.clusterlogs.logs.source.file;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.UnchangedBytes;
import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.testsupport.Rooted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "The last N lines" of a file is remembered while the file looks the same, and only then:
 * after an append, a truncation, an in-place rewrite or a replacement, the answer is that of the
 * file as it is now. Every answer is checked against the file's own bytes.
 */
class ScanMemoTest {

    private static final int LAST = 100;

    @TempDir
    Path tmp;

    private Path log;
    private RootedPath file;
    private MeterRegistry registry;
    private ScanMemo memo;

    @BeforeEach
    void setUp() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        log = root.resolve("stdout");
        file = new RootedPath(Rooted.root(root), Path.of("stdout"));
        registry = new SimpleMeterRegistry();
        memo = new ScanMemo(registry);
    }

    private static String lines(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i + "\n").collect(Collectors.joining());
    }

    /** The text answer of "the last {@code LAST} lines", as the service sends it. */
    private String lastLines(FieldFilter filter) throws IOException {
        LineFileSource source = new LineFileSource(file, new TreeMap<>(), filter, 1 << 20, memo);
        try {
            var from = source.back(source.tail(), LAST);
            Optional<UnchangedBytes> bytes = source.unchangedText(from);
            assertTrue(bytes.isPresent(), "an unfiltered range of short lines is the file's bytes");
            try (UnchangedBytes range = bytes.get()) {
                ByteBuffer b = ByteBuffer.allocate((int) (range.to() - range.from()));
                range.channel().read(b, range.from());
                return new String(b.array(), StandardCharsets.UTF_8) + (range.newlineAfter() ? "\n" : "");
            }
        } finally {
            source.close();
        }
    }

    private static String expectedLast(String content) {
        List<String> all = content.lines().toList();
        return all.subList(Math.max(0, all.size() - LAST), all.size()).stream()
                .map(l -> l + "\n").collect(Collectors.joining());
    }

    private double hits(String cache) {
        return registry.get("cache.gets").tags("cache", cache, "result", "hit").functionCounter().count();
    }

    private void checkLast() throws IOException {
        assertEquals(expectedLast(Files.readString(log)), lastLines(FieldFilter.none()));
    }

    @Test
    void anUnchangedFileIsAnsweredFromTheMemo() throws IOException {
        Files.writeString(log, lines("a", 0, 1000));
        checkLast();
        assertEquals(0, hits("logs_scan_backs"));
        checkLast();
        checkLast();
        assertEquals(2, hits("logs_scan_backs"));
        assertEquals(2, hits("logs_scan_unchanged"));
    }

    @Test
    void anAppendIsSeen() throws IOException {
        Files.writeString(log, lines("a", 0, 1000));
        checkLast();
        Files.writeString(log, lines("a", 1000, 1010), StandardOpenOption.APPEND);
        checkLast();
        Files.writeString(log, "partial", StandardOpenOption.APPEND);
        checkLast();
        assertEquals(0, hits("logs_scan_backs"));
    }

    @Test
    void aTruncationAndRegrowthIsSeen() throws IOException {
        Files.writeString(log, lines("a", 0, 1000));
        checkLast();
        Files.writeString(log, lines("b", 0, 300)); // truncated and written again
        checkLast();
        assertEquals(0, hits("logs_scan_backs"));
    }

    @Test
    void anInPlaceRewriteToTheSameSizeIsSeenByItsModificationTime() throws IOException {
        String before = lines("a", 0, 1000);
        Files.writeString(log, before);
        FileTime then = Files.getLastModifiedTime(log);
        checkLast();
        // the same number of bytes, the newlines elsewhere: the last lines begin at another offset
        String after = lines("bb", 0, 1000);
        after = after.substring(after.length() - before.length());
        after = after.substring(after.indexOf('\n') + 1);
        after = "x".repeat(before.length() - after.length() - 1) + "\n" + after;
        assertEquals(before.length(), after.length());
        Files.writeString(log, after, StandardOpenOption.WRITE);
        Files.setLastModifiedTime(log, FileTime.fromMillis(then.toMillis() + 1000));
        checkLast();
        assertEquals(0, hits("logs_scan_backs"));
    }

    @Test
    void aReplacedFileIsSeenByItsIdentity() throws IOException {
        String content = lines("a", 0, 1000);
        Files.writeString(log, content);
        FileTime then = Files.getLastModifiedTime(log);
        checkLast();
        // another file of the same size and time, renamed into place
        Path other = log.resolveSibling("stdout.new");
        String replacement = "y".repeat(50) + "\n" + lines("c", 0, 2000);
        replacement = replacement.substring(replacement.length() - content.length());
        replacement = "z" + replacement.substring(1);
        Files.writeString(other, replacement);
        Files.setLastModifiedTime(other, then);
        Files.move(other, log, ATOMIC_MOVE);
        checkLast();
        assertEquals(0, hits("logs_scan_backs"));
    }

    @Test
    void aFilteredReadIsNeverRemembered() throws IOException {
        Files.writeString(log, lines("a", 0, 1000));
        FieldFilter filter = FieldFilter.parse(List.of("MESSAGE:a999"));
        for (int i = 0; i < 2; i++) {
            LineFileSource source = new LineFileSource(file, new TreeMap<>(), filter, 1 << 20, memo);
            try {
                assertEquals(new FileOffset(lines("a", 0, 999).length()), source.back(source.tail(), 1));
            } finally {
                source.close();
            }
        }
        assertEquals(0, hits("logs_scan_backs"));
    }
}
