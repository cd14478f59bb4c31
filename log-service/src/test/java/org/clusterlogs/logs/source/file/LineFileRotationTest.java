package org.clusterlogs.logs.source.file;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.root.LogRoot;
import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.testsupport.FileClock;
import org.clusterlogs.logs.testsupport.Rooted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A follower of a file that rotates while it is not reading: it reads every rotated file it
 * missed, in order, then the live one, every line once; and never what a swapped-in link names.
 */
class LineFileRotationTest {

    @TempDir
    Path tmp;

    private Path dir;
    private Path stdout;
    private final AtomicInteger refusals = new AtomicInteger();
    private RootedPath file;
    private int written;

    @BeforeEach
    void sandbox() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        dir = Files.createDirectories(root.resolve("run"));
        stdout = dir.resolve("stdout");
        LogRoot logRoot = Rooted.root(root, refusals);
        file = new RootedPath(logRoot, Path.of("run/stdout"));
        Files.writeString(stdout, "");
    }

    private void write(int lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append("line-").append(written++).append('\n');
        }
        Files.writeString(stdout, b, StandardOpenOption.APPEND);
    }

    private static List<String> expected(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line-" + i).toList();
    }

    private EntryReader follower() throws IOException {
        LineFileSource source = new LineFileSource(file, new TreeMap<>(), FieldFilter.none(), 1 << 20, new ScanMemo(new SimpleMeterRegistry()));
        return source.open(source.tail());
    }

    private static List<String> drain(EntryReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Entry e = reader.next(); e != null; e = reader.next()) {
            lines.add(new String(e.text(), StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** logrotate(8): {@code stdout.k} becomes {@code stdout.k+1}, {@code stdout} becomes {@code stdout.1}. */
    private void logrotate(int keep) throws IOException {
        shift(keep);
        Files.move(stdout, dir.resolve("stdout.1"), ATOMIC_MOVE);
        Files.writeString(stdout, "");
    }

    /** logrotate's copytruncate: the rotated files shift, {@code stdout} is copied, then truncated. */
    private void copyTruncate(int keep) throws IOException {
        shift(keep);
        Files.copy(stdout, dir.resolve("stdout.1"));
        Files.writeString(stdout, "", StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** {@code times} copy-truncates, each after a few lines, then a few lines more. */
    private void copyTruncates(int times) throws IOException {
        for (int r = 0; r < times; r++) {
            write(5 + r);
            copyTruncate(times);
        }
        write(4);
    }

    private void shift(int keep) throws IOException {
        for (int k = keep; k >= 1; k--) {
            Path from = dir.resolve("stdout." + k);
            if (Files.exists(from)) {
                Files.move(from, dir.resolve("stdout." + (k + 1)), ATOMIC_MOVE);
            }
        }
    }

    @Test
    void readsEveryRotatedFileItMissedInOrder() throws IOException {
        write(3);
        try (EntryReader reader = follower()) {
            write(5);
            assertEquals(expected(3, 8), drain(reader));
            for (int r = 0; r < 4; r++) {
                write(10);
                logrotate(10);
            }
            write(7);
            assertEquals(expected(8, 55), drain(reader));
            write(1);
            assertEquals(expected(55, 56), drain(reader));
        }
    }

    @Test
    void readsDatedAndCountingNamesByAgeNotByName() throws IOException {
        try (EntryReader reader = follower()) {
            // a tool that counts up, and one that dates: names alone give no order
            String[] names = {"stdout.1", "stdout.2", "stdout-20251122", "stdout.3"};
            long t = 1_700_000_000_000L;
            for (String name : names) {
                write(4);
                Files.move(stdout, dir.resolve(name), ATOMIC_MOVE);
                Files.setLastModifiedTime(dir.resolve(name), FileTime.fromMillis(t += 1000));
                Files.writeString(stdout, "");
            }
            write(2);
            assertEquals(expected(0, 18), drain(reader));
        }
    }

    @Test
    void aPartialLineAtTheEndOfARotatedFileIsALineOfItsOwn() throws IOException {
        try (EntryReader reader = follower()) {
            write(1);
            Files.writeString(stdout, "partial", StandardOpenOption.APPEND);
            logrotate(5);
            write(1);
            assertEquals(List.of("line-0", "partial", "line-1"), drain(reader));
        }
    }

    @Test
    void copyTruncateContinuesInTheCopyAndRepeatsNothing() throws IOException {
        write(2);
        try (EntryReader reader = follower()) {
            write(3);
            assertEquals(expected(2, 5), drain(reader));
            write(4); // not read before the rotation: only the copy has them afterwards
            copyTruncate(3);
            write(30); // longer than what was read: the size alone would not show the truncation
            assertEquals(expected(5, 39), drain(reader));
        }
    }

    @Test
    void copyTruncateBehindBySeveralRotationsReadsEveryCopyInOrder() throws IOException {
        write(2);
        try (EntryReader reader = follower()) {
            write(3);
            assertEquals(expected(2, 5), drain(reader));
            copyTruncates(3);
            assertEquals(expected(5, written), drain(reader));
        }
    }

    /**
     * A truncation without a copy: reading starts again at the start. A follower that got back
     * there and has read nothing since reads the copies made after that first.
     */
    @Test
    void copyTruncateWithoutACopyStartsAgainAtTheStart() throws Exception {
        try (EntryReader reader = follower()) {
            write(3);
            assertEquals(expected(0, 3), drain(reader));
            Files.writeString(stdout, "", StandardOpenOption.TRUNCATE_EXISTING);
            write(2);
            assertEquals(expected(3, 5), drain(reader));

            Files.writeString(stdout, "", StandardOpenOption.TRUNCATE_EXISTING);
            assertEquals(List.of(), drain(reader)); // back at the start, nothing read since
            FileClock.tick(tmp);
            write(4);
            copyTruncate(5);
            write(2);
            assertEquals(expected(5, written), drain(reader));
        }
    }

    /**
     * A follower at the start of the live file that has read nothing of it (here: it began on
     * an empty file) sees no change at its offset when the file is copied and truncated: it
     * reads the copies made since it got there, oldest first, then the live file.
     */
    @Test
    void aFollowerWaitingAtTheStartReadsEveryCopyMadeMeanwhile() throws Exception {
        try (EntryReader reader = follower()) {
            assertEquals(List.of(), drain(reader));
            FileClock.tick(tmp); // the copies are strictly later than what the follower saw
            copyTruncates(3);
            assertEquals(expected(0, written), drain(reader));
            write(1);
            assertEquals(expected(written - 1, written), drain(reader));
        }
    }

    /** Rotated files older than the follower's arrival at the start are not read again. */
    @Test
    void copiesMadeBeforeAFollowerGotToTheStartAreNotRead() throws Exception {
        write(3);
        copyTruncate(5);
        try (EntryReader reader = follower()) {
            FileClock.tick(tmp);
            write(2);
            assertEquals(expected(3, 5), drain(reader));
        }
    }

    @Test
    void aLiveNameSwappedForALinkOutOfTheRootIsNeverRead() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret"), "SECRET-1\nSECRET-2\n");
        try (EntryReader reader = follower()) {
            write(2);
            assertEquals(expected(0, 2), drain(reader));
            // as the task: mv stdout stdout.1 && ln -s /etc/passwd stdout
            Files.move(stdout, dir.resolve("stdout.1"), ATOMIC_MOVE);
            Files.createSymbolicLink(stdout, secret);
            assertEquals(List.of(), drain(reader));
            assertEquals(List.of(), drain(reader));
            assertTrue(refusals.get() >= 1, "refusal counted");
            int counted = refusals.get();
            assertEquals(List.of(), drain(reader));
            assertEquals(counted, refusals.get(), "an unchanged link is not refused again on every wake-up");
            // a regular file inside the root again: the follower goes on there
            Files.delete(stdout);
            Files.writeString(stdout, "");
            write(2);
            assertEquals(expected(2, 4), drain(reader));
        }
    }

    /** Whatever a task puts where its file was, a follower waits (no error) until a regular file is back. */
    @Test
    void aDirectoryOrAFifoWhereTheFileWasIsWaitedOut() throws Exception {
        try (EntryReader reader = follower()) {
            write(1);
            assertEquals(expected(0, 1), drain(reader));
            Files.move(stdout, dir.resolve("stdout.1"), ATOMIC_MOVE);
            Files.createDirectory(stdout);
            assertEquals(List.of(), drain(reader));
            Files.delete(stdout);
            assertEquals(0, new ProcessBuilder("mkfifo", stdout.toString()).start().waitFor());
            assertEquals(List.of(), drain(reader), "a FIFO is never opened: it would block the reader");
            Files.delete(stdout);
            Files.writeString(stdout, "");
            write(2);
            assertEquals(expected(1, 3), drain(reader));
        }
    }

    @Test
    void aLinkInsideTheRootIsFollowed() throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/real"), "a\nb\n");
        Files.delete(stdout);
        Files.createSymbolicLink(stdout, Path.of("logs/real"));
        LineFileSource source = new LineFileSource(file, new TreeMap<>(), FieldFilter.none(), 1 << 20, new ScanMemo(new SimpleMeterRegistry()));
        try (EntryReader reader = source.open(source.head())) {
            assertEquals(List.of("a", "b"), drain(reader));
            Files.writeString(dir.resolve("logs/real"), "c\n", StandardOpenOption.APPEND);
            assertEquals(List.of("c"), drain(reader));
        }
        assertEquals(0, refusals.get());
    }
}
