package org.clusterlogs.messagelogging.file;

import org.clusterlogs.messagelogging.delivery.QueuedRecord;
import org.clusterlogs.messagelogging.delivery.RecordFormat;
import org.clusterlogs.messagelogging.policy.FileRotation;
import org.clusterlogs.messagelogging.policy.RotationType;
import org.clusterlogs.messagelogging.policy.RotationUnit;
import org.clusterlogs.messagelogging.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotation by size, by time and by both, retention and startup rotation, against a clock the test moves. */
class RotatingFileSinkTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-30T12:05:00Z");

    private Path active() {
        return dir.resolve("calls.log");
    }

    private RotatingFileSink sink(RotationType type, int maxMb, int frequency, RotationUnit unit, int retain, boolean onStartup) {
        return new RotatingFileSink(active(), new FileRotation(onStartup, type, maxMb, frequency, unit, retain), clock);
    }

    private static void write(RotatingFileSink sink, String... messages) throws IOException {
        List<QueuedRecord> batch = new ArrayList<>();
        for (String m : messages) {
            batch.add(new QueuedRecord(0, m, RecordFormat.PLAIN));
        }
        assertEquals(messages.length, sink.deliver(batch));
    }

    /** The directory's files by name, sorted: rotated ones first (their names sort in rotation order), then the active file. */
    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> lines(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name));
    }

    /** 1000-byte lines: "NNNNN-xxx...". */
    private static String line(int n) {
        String head = String.format("%05d-", n);
        return head + "x".repeat(999 - head.length());
    }

    @Test
    void sizeRotationKeepsFilesUnderTheLimitAndTheNewestRetained() throws IOException {
        RotatingFileSink sink = sink(RotationType.SIZE, 1, 1, RotationUnit.MINUTE, 2, true);
        // 1048 lines of 1000 bytes fit in 1 MiB; 5000 lines make 4 full files and an active one
        for (int batch = 0; batch < 10; batch++) {
            int first = batch * 500;
            write(sink, IntStream.range(first, first + 500).mapToObj(RotatingFileSinkTest::line).toArray(String[]::new));
        }
        sink.close();
        assertEquals(List.of("calls.log", "calls.log.20261130-120500-2", "calls.log.20261130-120500-3"), names(),
                "four rotations in the same second: -1, -2, -3 after the first; the two newest are kept");
        assertEquals(1048 * 1000, Files.size(dir.resolve("calls.log.20261130-120500-2")));
        assertEquals(line(2 * 1048), lines("calls.log.20261130-120500-2").get(0));
        assertEquals(line(4 * 1048), lines("calls.log").get(0));
        assertEquals(line(4999), lines("calls.log").get(lines("calls.log").size() - 1));
        assertTrue(Files.size(active()) <= MIB);
    }

    @Test
    void oversizedRecordGetsAFileOfItsOwn() throws IOException {
        RotatingFileSink sink = sink(RotationType.SIZE, 1, 1, RotationUnit.MINUTE, 0, false);
        write(sink, "small", "y".repeat(MIB + 10), "after");
        sink.close();
        assertEquals(List.of("calls.log", "calls.log.20261130-120500", "calls.log.20261130-120500-1"), names());
        assertEquals(List.of("small"), lines("calls.log.20261130-120500"));
        assertEquals(MIB + 11, Files.size(dir.resolve("calls.log.20261130-120500-1")));
        assertEquals(List.of("after"), lines("calls.log"));
    }

    @Test
    void timeRotationAtClockBoundaries() throws IOException {
        RotatingFileSink sink = sink(RotationType.TIME, 128, 10, RotationUnit.MINUTE, 8, true);
        write(sink, "a");
        clock.set(Instant.parse("2026-11-30T12:09:59Z"));
        write(sink, "b");
        clock.set(Instant.parse("2026-11-30T12:10:00Z"));
        write(sink, "c", "d");
        assertEquals(List.of("calls.log", "calls.log.20261130-121000"), names());
        assertEquals(List.of("a", "b"), lines("calls.log.20261130-121000"));
        // nothing written in 12:20-12:30: no empty file for it
        clock.set(Instant.parse("2026-11-30T12:34:00Z"));
        write(sink, "e");
        clock.set(Instant.parse("2026-11-30T12:39:00Z"));
        write(sink, "f");
        sink.close();
        assertEquals(List.of("calls.log", "calls.log.20261130-121000", "calls.log.20261130-123400"), names());
        assertEquals(List.of("c", "d"), lines("calls.log.20261130-123400"));
        assertEquals(List.of("e", "f"), lines("calls.log"));
    }

    @Test
    void timeAndSizeWhicheverComesFirst() throws IOException {
        RotatingFileSink sink = sink(RotationType.TIME_SIZE, 1, 1, RotationUnit.HOUR, 0, true);
        write(sink, IntStream.range(0, 1000).mapToObj(RotatingFileSinkTest::line).toArray(String[]::new));
        clock.advance(Duration.ofMinutes(10));
        write(sink, IntStream.range(1000, 1100).mapToObj(RotatingFileSinkTest::line).toArray(String[]::new)); // size
        assertEquals(List.of("calls.log", "calls.log.20261130-121500"), names());
        assertEquals(1048, lines("calls.log.20261130-121500").size());
        clock.set(Instant.parse("2026-11-30T13:00:01Z"));
        write(sink, line(1100)); // time, long before the size
        sink.close();
        assertEquals(List.of("calls.log", "calls.log.20261130-121500", "calls.log.20261130-130001"), names());
        assertEquals(52, lines("calls.log.20261130-130001").size());
        assertEquals(List.of(line(1100)), lines("calls.log"));
    }

    @Test
    void zeroRetainKeepsEveryFile() throws IOException {
        RotatingFileSink sink = sink(RotationType.TIME, 128, 1, RotationUnit.SECOND, 0, true);
        for (int i = 0; i < 12; i++) {
            write(sink, "r" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        sink.close();
        assertEquals(12, names().size());
    }

    @Test
    void retentionCountsOnlyThisFilesRotations() throws IOException {
        Files.writeString(dir.resolve("other.log.20200101-000000"), "not ours\n");
        Files.writeString(dir.resolve("calls.log.old"), "not a rotation name\n");
        RotatingFileSink sink = sink(RotationType.TIME, 128, 1, RotationUnit.SECOND, 1, true);
        for (int i = 0; i < 4; i++) {
            write(sink, "r" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        sink.close();
        // rolled over at :01, :02 and :03 (a rolled-over file is named by when it was rolled over)
        assertEquals(List.of("calls.log", "calls.log.20261130-120503", "calls.log.old", "other.log.20200101-000000"), names());
        assertEquals(List.of("r2"), lines("calls.log.20261130-120503"));
    }

    @Test
    void startupRotation() throws IOException {
        Files.writeString(active(), "from the last run\n");
        RotatingFileSink sink = sink(RotationType.SIZE, 128, 1, RotationUnit.MINUTE, 8, true);
        write(sink, "first of this run");
        sink.close();
        assertEquals(List.of("calls.log", "calls.log.20261130-120500"), names());
        assertEquals(List.of("from the last run"), lines("calls.log.20261130-120500"));
        assertEquals(List.of("first of this run"), lines("calls.log"));

        // a reopen after a failure is not a start: it appends
        write(sink, "after a reopen");
        sink.close();
        assertEquals(List.of("first of this run", "after a reopen"), lines("calls.log"));
    }

    @Test
    void withoutStartupRotationTheFileIsAppendedTo() throws IOException {
        Files.writeString(active(), "from the last run\n");
        RotatingFileSink sink = sink(RotationType.SIZE, 128, 1, RotationUnit.MINUTE, 8, false);
        write(sink, "first of this run");
        sink.close();
        assertEquals(List.of("calls.log"), names());
        assertEquals(List.of("from the last run", "first of this run"), lines("calls.log"));
    }

    @Test
    void aFileFromAnEarlierIntervalIsRotatedAtStartEvenWithoutStartupRotation() throws IOException {
        Files.writeString(active(), "yesterday\n");
        Files.setLastModifiedTime(active(), FileTime.from(Instant.parse("2026-11-29T23:59:00Z")));
        RotatingFileSink sink = sink(RotationType.TIME, 128, 1, RotationUnit.DAY, 8, false);
        write(sink, "today");
        sink.close();
        assertEquals(List.of("calls.log", "calls.log.20261130-120500"), names());
        assertEquals(List.of("today"), lines("calls.log"));
    }

    @Test
    void oneLinePerRecordAndDirectoriesAreCreated() throws IOException {
        Path nested = dir.resolve("acme/prod/log-service/3/LogPolicy/calls.log");
        RotatingFileSink sink = new RotatingFileSink(nested, FileRotation.DEFAULTS, clock);
        sink.deliver(List.of(new QueuedRecord(0, "two\nlines", RecordFormat.PLAIN), new QueuedRecord(0, "", RecordFormat.PLAIN)));
        sink.close();
        assertEquals("two\\nlines\n\n", Files.readString(nested));
    }
}
