package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.testsupport.Rooted;

import org.clusterlogs.logs.source.BadCursorException;
import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.LogSource;
import org.clusterlogs.logs.source.Position;
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
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PodLogSourceTest {

    @TempDir
    Path tmp;

    private CriFixture fixture() {
        return new CriFixture(tmp.resolve("pods/ns_web-0_0b8c5a3e-1111-2222-3333-444455556666/app"));
    }

    private PodLogSource source(CriFixture fx) {
        return source(fx, FieldFilter.none(), 1 << 20);
    }

    private PodLogSource source(CriFixture fx, FieldFilter filter, int maxLineBytes) {
        return new PodLogSource(Rooted.dir(fx.dir), "ns", "web-0", "app", filter, maxLineBytes);
    }

    /** A range read as the HTTP layer does it: next() until null, then what flushPartial() gives. */
    static List<Entry> range(LogSource source, Position from) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (EntryReader reader = source.open(from)) {
            while (true) {
                Entry e = reader.next();
                if (e == null) {
                    e = reader.flushPartial();
                }
                if (e == null) {
                    return out;
                }
                out.add(e);
            }
        }
    }

    /** What a follower gets now: next() until null, nothing flushed. */
    static List<String> drain(EntryReader reader) throws IOException {
        List<String> out = new ArrayList<>();
        for (Entry e = reader.next(); e != null; e = reader.next()) {
            out.add(text(e));
        }
        return out;
    }

    static List<Entry> drainEntries(EntryReader reader) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Entry e = reader.next(); e != null; e = reader.next()) {
            out.add(e);
        }
        return out;
    }

    static String text(Entry e) {
        return new String(e.text(), StandardCharsets.UTF_8);
    }

    static List<String> texts(List<Entry> entries) {
        return entries.stream().map(PodLogSourceTest::text).toList();
    }

    static List<String> cursors(List<Entry> entries) {
        return entries.stream().map(Entry::cursor).toList();
    }

    private static List<String> lines(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add("line " + i);
        }
        return out;
    }

    // ---- lines

    @Test
    void partialRecordsAreJoinedIntoOneLine() throws IOException {
        CriFixture fx = fixture();
        fx.outPartial("hel").outPartial("lo ");
        long completing = fx.clock();
        fx.out("world").out("");

        List<Entry> entries = range(source(fx), PodPosition.HEAD);

        assertEquals(List.of("hello world", ""), texts(entries));
        Map<String, String> expected = new TreeMap<>(Map.of("CONTAINER", "app", "MESSAGE", "hello world",
                "NAMESPACE", "ns", "POD", "web-0", "STREAM", "stdout"));
        assertEquals(expected, entries.get(0).fields());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(entries.get(0).fields().keySet()));
        assertEquals(completing / 1000, entries.get(0).realtimeMicros());
        assertEquals(-1, entries.get(0).monotonicMicros());
    }

    @Test
    void interleavedPartialsAreJoinedPerStream() throws IOException {
        CriFixture fx = fixture();
        fx.outPartial("a1").errPartial("b1").out("a2").errPartial("b2").err("b3").out("c");

        List<Entry> entries = range(source(fx), PodPosition.HEAD);

        assertEquals(List.of("a1a2", "b1b2b3", "c"), texts(entries));
        assertEquals(List.of("stdout", "stderr", "stdout"),
                entries.stream().map(e -> e.fields().get("STREAM")).toList());
    }

    @Test
    void cursorInsideAnInterleavedPartialKeepsTheOpenLine() throws IOException {
        CriFixture fx = fixture();
        fx.outPartial("a1").err("b").out("a2").out("z");
        PodLogSource source = source(fx);
        List<Entry> all = range(source, PodPosition.HEAD);
        assertEquals(List.of("b", "a1a2", "z"), texts(all));

        String cursorOfB = all.get(0).cursor();
        assertTrue(cursorOfB.contains("-o"), cursorOfB);
        assertEquals(List.of("a1a2", "z"), texts(range(source, source.after(cursorOfB))));
        assertEquals(List.of("b", "a1a2", "z"), texts(range(source, source.back(source.after(cursorOfB), 1))));
        assertEquals(List.of("a1a2", "z"), texts(range(source, source.back(source.after(all.get(1).cursor()), 1))));
    }

    @Test
    void streamFilterNarrows() throws IOException {
        CriFixture fx = fixture();
        fx.out("o1").errPartial("e1").out("o2").err("e2").out("o3").err("e3").out("o4");
        PodLogSource stderr = source(fx, FieldFilter.parse(List.of("STREAM:stderr")), 1 << 20);

        assertEquals(List.of("e1e2", "e3"), texts(range(stderr, stderr.head())));
        assertEquals(List.of("e3"), texts(range(stderr, stderr.back(stderr.tail(), 1))));
        assertEquals(List.of("e1e2", "e3"), texts(range(stderr, stderr.back(stderr.tail(), 5))));

        PodLogSource otherPod = source(fx, FieldFilter.parse(List.of("POD:other")), 1 << 20);
        assertEquals(List.of(), range(otherPod, otherPod.head()));
        PodLogSource both = source(fx, FieldFilter.parse(List.of("POD:web-0", "STREAM:stdout")), 1 << 20);
        assertEquals(List.of("o1", "o2", "o3", "o4"), texts(range(both, both.head())));
    }

    @Test
    void linesThatAreNoCriRecordsAreKept() throws IOException {
        CriFixture fx = fixture();
        fx.out("a").append("not a cri record\n").append("\n").out("b");

        List<Entry> entries = range(source(fx), PodPosition.HEAD);

        assertEquals(List.of("a", "not a cri record", "", "b"), texts(entries));
        assertNull(entries.get(1).fields().get("STREAM"));
        assertEquals(-1, entries.get(1).realtimeMicros());
    }

    @Test
    void longLinesAreSplitLikePlainFiles() throws IOException {
        CriFixture fx = fixture();
        fx.outPartial("0123456").outPartial("789abcdef").out("ghijklmno").out("exactly10!");
        PodLogSource source = source(fx, FieldFilter.none(), 10);

        List<Entry> entries = range(source, source.head());

        assertEquals(List.of("0123456789\\", "abcdefghij\\", "klmno", "exactly10!"), texts(entries));
        assertEquals("true", entries.get(0).fields().get("SPLIT"));
        assertEquals("0123456789", entries.get(0).fields().get("MESSAGE"));
        assertNull(entries.get(2).fields().get("SPLIT"));
        assertNull(entries.get(3).fields().get("SPLIT"));
        assertEquals(texts(entries.subList(1, 4)), texts(range(source, source.after(entries.get(0).cursor()))));
        assertEquals(texts(entries.subList(2, 4)), texts(range(source, source.after(entries.get(1).cursor()))));
        assertEquals(texts(entries.subList(1, 4)), texts(range(source, source.back(source.tail(), 3))));
        PodLogSource pieces = source(fx, FieldFilter.parse(List.of("SPLIT:true")), 10);
        assertEquals(List.of("abcdefghij\\"), texts(range(pieces, pieces.back(pieces.tail(), 1))));
    }

    // ---- files and their order

    /** restart 0: gz (1-3), plain rotated (4-6), live (7-8); restart 1: live (9-10). */
    private CriFixture tenLinesInFourFiles() throws IOException {
        CriFixture fx = fixture();
        fx.out("line 1").out("line 2").out("line 3");
        fx.gzip(fx.rotate());
        fx.out("line 4").out("line 5").out("line 6");
        fx.rotate();
        fx.out("line 7").out("line 8");
        fx.restartContainer();
        fx.out("line 9").out("line 10");
        Files.writeString(fx.dir.resolve("0.log.20200101-000000.gz.tmp"), "half written");
        Files.writeString(fx.dir.resolve("notes.txt"), "not a log");
        return fx;
    }

    @Test
    void rangeIsEveryFileInOrder() throws IOException {
        CriFixture fx = tenLinesInFourFiles();
        assertEquals(lines(1, 10), texts(range(source(fx), PodPosition.HEAD)));
    }

    @Test
    void everyPositioningCase() throws IOException {
        CriFixture fx = tenLinesInFourFiles();
        PodLogSource source = source(fx);
        List<Entry> all = range(source, source.head());
        assertEquals(lines(1, 10), texts(all));

        assertEquals(List.of(), range(source, source.tail()));
        for (int i = 0; i < all.size(); i++) {
            assertEquals(lines(i + 2, 10), texts(range(source, source.after(all.get(i).cursor()))), "after line " + (i + 1));
        }
        assertEquals(lines(8, 10), texts(range(source, source.back(source.tail(), 3))));
        assertEquals(lines(1, 10), texts(range(source, source.back(source.tail(), 10))));
        assertSame(PodPosition.HEAD, source.back(source.tail(), 11));
        assertEquals(lines(1, 10), texts(range(source, source.back(source.tail(), Long.MAX_VALUE))));
        // cursor + back: the last k lines up to and including the cursor's line, then onward
        assertEquals(lines(4, 10), texts(range(source, source.back(source.after(all.get(4).cursor()), 2))));
        assertEquals(lines(3, 10), texts(range(source, source.back(source.after(all.get(6).cursor()), 5))));
        assertEquals(lines(1, 10), texts(range(source, source.back(source.after(all.get(2).cursor()), 3))));
        assertEquals(lines(1, 10), texts(range(source, source.back(source.after(all.get(2).cursor()), 99))));
        assertEquals(lines(9, 10), texts(range(source, source.back(source.after(all.get(8).cursor()), 1))));
        assertEquals(lines(1, 10), texts(range(source, source.back(source.head(), 5))));
    }

    @Test
    void emptyDirectoryAndEmptyLiveFile() throws IOException {
        CriFixture fx = fixture();
        PodLogSource source = source(fx);
        assertEquals(List.of(), range(source, source.tail()));
        assertSame(PodPosition.HEAD, source.tail());
        fx.createLive();
        assertEquals(List.of(), range(source, source.head()));
        fx.out("first");
        fx.rotate();
        assertEquals(List.of(), range(source, source.tail()));
        assertEquals(List.of("first"), texts(range(source, source.back(source.tail(), 1))));
        fx.out("second");
        assertEquals(List.of("first", "second"), texts(range(source, source.head())));
    }

    @Test
    void malformedCursorsAreRefused() {
        PodLogSource source = source(fixture());
        for (String bad : List.of("", "abc", "0-1", "0-x-3", "0-1-2-q5", "0-1-2-o", "0-1-2-o5-o6", "0-1-2-o9999999999999999999",
                "-1-2-3", "0-1-2-", "99999999999999999999-1-2", "0-1-2-o1-e1-x1-o1", "0 -1-2", "BEG")) {
            assertThrows(BadCursorException.class, () -> source.after(bad), bad);
        }
        assertEquals(new PodPosition(new SegmentId(0, 17), 40, 30, CriJoiner.NONE, 40), source.after("0-17-40-o10-x0"));
        assertEquals(new PodPosition(new SegmentId(0, 17), 40, -60, CriJoiner.NONE, CriJoiner.NONE),
                source.after("0-17-40-o100"));
    }

    // ---- cursors across kubelet's rotation

    @Test
    void cursorStaysValidAfterRenameAndGzip() throws IOException {
        CriFixture fx = fixture();
        fx.out("line 1").out("line 2").out("line 3").out("line 4");
        PodLogSource source = source(fx);
        String afterTwo = range(source, source.head()).get(1).cursor();

        Path rotated = fx.rotate();
        fx.out("line 5");
        assertEquals(lines(3, 5), texts(range(source, source.after(afterTwo))));
        assertEquals(lines(2, 5), texts(range(source, source.back(source.after(afterTwo), 1))));

        fx.gzip(rotated);
        assertTrue(Files.exists(rotated.resolveSibling(rotated.getFileName() + ".gz")));
        assertEquals(lines(3, 5), texts(range(source, source.after(afterTwo))));
        assertEquals(lines(2, 5), texts(range(source, source.back(source.after(afterTwo), 1))));
        assertEquals(lines(1, 5), texts(range(source, source.back(source.tail(), 5))));
        assertEquals(List.of(afterTwo), List.of(range(source, source.head()).get(1).cursor()));

        Files.delete(rotated.resolveSibling(rotated.getFileName() + ".gz"));
        // its file is gone: resume at the oldest data left, nothing repeated
        assertEquals(List.of("line 5"), texts(range(source, source.after(afterTwo))));
    }

    // ---- following

    @Test
    void followContinuesAcrossRotationAndRestart() throws IOException {
        CriFixture fx = fixture();
        fx.out("line 1").out("line 2");
        PodLogSource source = source(fx);
        List<String> seen = new ArrayList<>();
        try (EntryReader reader = source.open(source.head())) {
            seen.addAll(drain(reader));
            assertEquals(lines(1, 2), seen);

            fx.out("line 3");
            Path rotated = fx.renameLive();
            fx.append(rotated, fx.recordLine("stdout", "F", "line 4")); // runtime writes until it reopens
            seen.addAll(drain(reader));
            assertEquals(lines(1, 4), seen);

            fx.createLive().out("line 5");
            seen.addAll(drain(reader));
            assertEquals(lines(1, 5), seen);

            fx.out("line 6");
            fx.rotate();
            fx.out("line 7");
            Path second = fx.rotate();
            fx.out("line 8");
            fx.gzip(rotated);
            fx.gzip(second);
            seen.addAll(drain(reader));
            assertEquals(lines(1, 8), seen);

            fx.restartContainer().out("line 9");
            seen.addAll(drain(reader));
            assertEquals(lines(1, 9), seen);
            assertNull(reader.next());
        }
        assertEquals(lines(1, 9), texts(range(source, source.head())));
    }

    @Test
    void openLinesGoOnAcrossRotationButNotAcrossRestart() throws IOException {
        CriFixture fx = fixture();
        fx.out("a").outPartial("b1").errPartial("c1");
        PodLogSource source = source(fx);
        List<Entry> followed = new ArrayList<>();
        try (EntryReader reader = source.open(source.head())) {
            followed.addAll(drainEntries(reader));
            Path rotated = fx.rotate();
            fx.outPartial("b2");
            fx.rotate();
            fx.err("c2").out("b3").outPartial("d1");
            fx.gzip(rotated);
            followed.addAll(drainEntries(reader));
            assertEquals(List.of("a", "c1c2", "b1b2b3"), texts(followed));
            fx.restartContainer().out("d2");
            followed.addAll(drainEntries(reader));
        }
        // the container restarted: its open line was given up, the new one starts afresh
        assertEquals(List.of("a", "c1c2", "b1b2b3", "d1", "d2"), texts(followed));
        List<Entry> all = range(source, source.head());
        assertEquals(cursors(all), cursors(followed));
        String afterC = all.get(1).cursor(); // stdout's open line began two files before
        assertEquals(List.of("b1b2b3", "d1", "d2"), texts(range(source, source.after(afterC))));
        assertEquals(List.of("c1c2", "b1b2b3", "d1", "d2"), texts(range(source, source.back(source.after(afterC), 1))));
        assertEquals(List.of("c1c2", "b1b2b3", "d1", "d2"), texts(range(source, source.back(source.tail(), 4))));
    }

    @Test
    void liveFileTruncatedInPlaceIsReadAgainFromItsStart() throws IOException {
        CriFixture fx = fixture();
        fx.out("line 1").out("line 2");
        PodLogSource source = source(fx);
        try (EntryReader reader = source.open(source.head())) {
            assertEquals(lines(1, 2), drain(reader));
            Files.writeString(fx.live(), fx.recordLine("stdout", "F", "line 3"), StandardOpenOption.TRUNCATE_EXISTING);
            assertEquals(List.of("line 3"), drain(reader));
            fx.out("line 4");
            assertEquals(List.of("line 4"), drain(reader));
        }
    }

    @Test
    void incompleteRecordIsHeldBackUntilItsNewline() throws IOException {
        CriFixture fx = fixture();
        fx.out("a");
        String record = fx.recordLine("stdout", "F", "hello");
        fx.append(record.substring(0, record.length() - 4));
        PodLogSource source = source(fx);
        try (EntryReader reader = source.open(source.head())) {
            assertEquals(List.of("a"), drain(reader));
            // a range read ends with it as it stands
            assertEquals(List.of("a", "he"), texts(range(source, source.head())));
            fx.append(record.substring(record.length() - 4));
            assertEquals(List.of("hello"), drain(reader));
        }
    }

    @Test
    void rangeReturnsAnOpenPartialLineAndFollowJoinsIt() throws IOException {
        CriFixture fx = fixture();
        fx.out("a").outPartial("b1").errPartial("c1").outPartial("b2");
        PodLogSource source = source(fx);

        assertEquals(List.of("a", "b1b2", "c1"), texts(range(source, source.head())));
        assertEquals(List.of(), range(source, source.tail()));
        assertEquals(List.of("b1b2", "c1"), texts(range(source, source.back(source.tail(), 2))));
        assertEquals(List.of("c1"), texts(range(source, source.back(source.tail(), 1))));

        try (EntryReader follower = source.open(source.back(source.tail(), 2))) {
            assertEquals(List.of(), drain(follower));
            fx.out("b3").err("c2");
            assertEquals(List.of("b1b2b3", "c1c2"), drain(follower));
        }
    }

    @Test
    void staleOpenLineIsGivenUpAfterThePartialWindow() throws IOException {
        CriFixture fx = fixture();
        fx.outPartial("x");
        for (int i = 0; i < 4; i++) {
            fx.err("filler " + i); // each record is about 50 bytes
        }
        fx.out("y");
        PodLogSource source = new PodLogSource(Rooted.dir(fx.dir), "ns", "web-0", "app", FieldFilter.none(), 1 << 20, 120);

        List<Entry> all = range(source, source.head());

        // "x" ends at about 45, the records are about 49 bytes: "filler 3" is the first to start 120 bytes later
        assertEquals(List.of("filler 0", "filler 1", "filler 2", "x", "filler 3", "y"), texts(all));
        for (int i = 0; i < all.size(); i++) {
            assertEquals(texts(all.subList(i + 1, all.size())), texts(range(source, source.after(all.get(i).cursor()))));
            assertEquals(texts(all.subList(i, all.size())),
                    texts(range(source, source.back(source.after(all.get(i).cursor()), 1))));
        }
    }

    @Test
    void lastLinesOfALargeFileAreExact() throws IOException {
        CriFixture fx = fixture();
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 30_000; i++) {
            b.append(fx.recordLine(i % 7 == 0 ? "stderr" : "stdout", i % 11 == 0 ? "P" : "F", "line " + i));
        }
        fx.append(b.toString());
        PodLogSource source = source(fx);
        List<Entry> all = range(source, source.head());

        for (int k : new int[] {1, 5, 700, 5_000, all.size() - 1, all.size()}) {
            List<Entry> last = range(source, source.back(source.tail(), k));
            assertEquals(k, last.size(), "last " + k);
            assertEquals(all.get(all.size() - k).cursor(), last.get(0).cursor());
        }
        PodLogSource stderr = source(fx, FieldFilter.parse(List.of("STREAM:stderr")), 1 << 20);
        List<Entry> errors = range(stderr, stderr.head());
        assertEquals(cursors(errors.subList(errors.size() - 300, errors.size())),
                cursors(range(stderr, stderr.back(stderr.tail(), 300))));
    }

    // ---- locate

    @Test
    void locateFindsTheContainerDirectoryWithoutTheUid() throws IOException {
        CriFixture fx = fixture();
        fx.out("x");
        Path root = tmp.resolve("pods");
        assertEquals(fx.dir.toRealPath(), PodLogSource.locate(Rooted.root(root), "ns", "web-0", "app").absolute().toRealPath());
    }

    @Test
    void locateTakesTheCurrentPodWhenANameWasReused() throws IOException {
        Path root = tmp.resolve("pods");
        Path old = Files.createDirectories(root.resolve("ns_web-0_aaaa/app"));
        Path current = Files.createDirectories(root.resolve("ns_web-0_bbbb/app"));
        Files.setLastModifiedTime(old, FileTime.fromMillis(2_000_000_000_000L));
        Files.setLastModifiedTime(current, FileTime.fromMillis(1_000_000_000_000L));
        assertEquals(old.toRealPath(), PodLogSource.locate(Rooted.root(root), "ns", "web-0", "app").absolute().toRealPath());
        Files.setLastModifiedTime(current, FileTime.fromMillis(3_000_000_000_000L));
        assertEquals(current.toRealPath(), PodLogSource.locate(Rooted.root(root), "ns", "web-0", "app").absolute().toRealPath());
    }

    @Test
    void locateRefusesBadSegmentsAndEscapes() throws IOException {
        fixture().out("x");
        Path root = tmp.resolve("pods");
        assertThrows(BadPathException.class, () -> PodLogSource.locate(Rooted.root(root), "..", "web-0", "app"));
        assertThrows(BadPathException.class, () -> PodLogSource.locate(Rooted.root(root), "ns", "..", "app"));
        assertThrows(BadPathException.class, () -> PodLogSource.locate(Rooted.root(root), "ns", "web-0", ".."));
        assertThrows(BadPathException.class, () -> PodLogSource.locate(Rooted.root(root), "a/b", "web-0", "app"));
        assertThrows(BadPathException.class, () -> PodLogSource.locate(Rooted.root(root), "ns", "web-0", "a/b"));
        assertThrows(BadPathException.class, () -> PodLogSource.locate(Rooted.root(root), "ns", "", "app"));
        assertThrows(BadPathException.class, () -> PodLogSource.locate(Rooted.root(root), "n_s", "web-0", "app"));

        Path outside = tmp.resolve("outside/app");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("0.log"), "secret\n");
        Files.createSymbolicLink(root.resolve("ns_evil_1234"), tmp.resolve("outside"));
        assertThrows(BadPathException.class, () -> PodLogSource.locate(Rooted.root(root), "ns", "evil", "app"));
        assertThrows(BadPathException.class, () -> PodLogSource.locate(Rooted.root(root), "ns", "evil", "none"));
    }

    @Test
    void locateAnswersNotFoundForUnknownPodOrContainer() throws IOException {
        fixture().out("x");
        Path root = tmp.resolve("pods");
        assertThrows(LogNotFoundException.class, () -> PodLogSource.locate(Rooted.root(root), "ns", "web-1", "app"));
        assertThrows(LogNotFoundException.class, () -> PodLogSource.locate(Rooted.root(root), "ns", "web", "app"));
        assertThrows(LogNotFoundException.class, () -> PodLogSource.locate(Rooted.root(root), "other", "web-0", "app"));
        LogNotFoundException e = assertThrows(LogNotFoundException.class,
                () -> PodLogSource.locate(Rooted.root(root), "ns", "web-0", "db"));
        assertTrue(e.getMessage().contains("db"), e.getMessage());
        assertThrows(LogNotFoundException.class, () -> PodLogSource.locate(Rooted.root(tmp.resolve("nowhere")), "ns", "web-0", "app"));
    }

    @Test
    void watchesTheContainerDirectory() {
        CriFixture fx = fixture();
        assertEquals(List.of(fx.dir), source(fx).watchPaths());
    }

    // ---- parsing details

    @Test
    void timestampsWithOffsetsAndShortFractions() {
        assertEquals(1_763_768_640_123_456_789L, nanos("2025-11-21T23:44:00.123456789Z"));
        assertEquals(1_763_768_640_500_000_000L, nanos("2025-11-22T00:44:00.5+01:00"));
        assertEquals(1_763_768_640_000_000_000L, nanos("2025-11-21T20:44:00-03:00"));
        assertEquals(CriTimestamp.INVALID, nanos("2025-11-21 23:44:00Z"));
        assertEquals(CriTimestamp.INVALID, nanos("2025-02-30T23:44:00Z"));
        assertEquals(CriTimestamp.INVALID, nanos("2025-11-21T23:44:00.Z"));
        assertEquals(CriTimestamp.INVALID, nanos("1969-12-31T23:59:59Z"));
    }

    private static long nanos(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return CriTimestamp.parseNanos(b, 0, b.length);
    }
}
