package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.testsupport.Rooted;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.Position;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random CRI logs (interleaved partial records, long lines, non-CRI lines, open lines at file
 * ends) over five files: restart 0 as gzip, rotated and live file, restart 1 as rotated and
 * live file. Checks the lines against a record-level model of the joining rules (offsets of a
 * restart run on across its files), and every
 * position against the range: after each cursor, k back from each cursor, k back from the
 * tail; and that a follower fed the same bytes in random pieces, with kubelet's renames and
 * compression as it goes, returns exactly the same lines and cursors.
 */
class PodLogConsistencyTest {

    private static final String[] NAMES = {"0.log.20251121-234400.gz", "0.log.20251121-234500", "0.log",
        "1.log.20251121-234700", "1.log"};

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "1, 60, 12, 150",
        "2, 60, 7, 90",
        "3, 80, 1048576, 1048576",
        "4, 40, 5, 60",
        "5, 2500, 40, 2000",
        "120, 20, 16, 40",
        "139, 120, 3, 80",
    })
    void everyPositionAgreesWithTheRangeAndTheModel(long seed, int recordsPerFile, int maxLine, long window)
            throws IOException {
        Random random = new Random(seed);
        CriFixture clock = new CriFixture(tmp.resolve("unused"));
        List<List<Item>> files = new ArrayList<>();
        for (int f = 0; f < NAMES.length; f++) {
            files.add(randomItems(random, clock, recordsPerFile));
        }
        Path dir = tmp.resolve("static");
        Files.createDirectories(dir);
        for (int f = 0; f < NAMES.length; f++) {
            write(dir.resolve(NAMES[f]), bytes(files.get(f)));
        }

        List<String> expected = model(files, maxLine, window);
        PodLogSource source = new PodLogSource(Rooted.dir(dir), "ns", "p", "c", FieldFilter.none(), maxLine, window);
        List<Entry> all = PodLogSourceTest.range(source, source.head());
        assertEquals(expected, all.stream().map(PodLogConsistencyTest::describe).toList());

        int step = Math.max(1, all.size() / 150);
        checkPositions(source, all, step);

        PodLogSource stderr = new PodLogSource(Rooted.dir(dir), "ns", "p", "c", FieldFilter.parse(List.of("STREAM:stderr")),
                maxLine, window);
        List<Entry> errors = PodLogSourceTest.range(stderr, stderr.head());
        assertEquals(expected.stream().filter(d -> d.startsWith("stderr ")).toList(),
                errors.stream().map(PodLogConsistencyTest::describe).toList());
        checkPositions(stderr, errors, Math.max(1, errors.size() / 60));

        List<Entry> followed = follow(random, files, maxLine, window);
        assertEquals(PodLogSourceTest.cursors(all), PodLogSourceTest.cursors(followed));
        assertEquals(PodLogSourceTest.texts(all), PodLogSourceTest.texts(followed));
    }

    private static void checkPositions(PodLogSource source, List<Entry> all, int step) throws IOException {
        int n = all.size();
        assertEquals(List.of(), PodLogSourceTest.range(source, source.tail()));
        for (int i = 0; i < n; i += step) {
            Position after = source.after(all.get(i).cursor());
            assertEquals(PodLogSourceTest.cursors(all.subList(i + 1, n)),
                    PodLogSourceTest.cursors(PodLogSourceTest.range(source, after)), "after entry " + i);
            for (int k : new int[] {1, 2, 5, 17}) {
                int first = Math.max(0, i - k + 1);
                List<Entry> got = PodLogSourceTest.range(source, source.back(after, k));
                assertEquals(n - first, got.size(), k + " back from entry " + i);
                assertEquals(all.get(first).cursor(), got.get(0).cursor(), k + " back from entry " + i);
            }
        }
        Position tail = source.tail();
        for (int k = 1; k <= n + 1; k += step) {
            List<Entry> got = PodLogSourceTest.range(source, source.back(tail, k));
            assertEquals(Math.min(k, n), got.size(), "last " + k);
            assertEquals(all.get(Math.max(0, n - k)).cursor(), got.get(0).cursor(), "last " + k);
        }
    }

    /** Writes the files as the runtime and kubelet would, reading as a follower between pieces. */
    private List<Entry> follow(Random random, List<List<Item>> files, int maxLine, long window) throws IOException {
        Path dir = tmp.resolve("follow");
        Files.createDirectories(dir);
        PodLogSource source = new PodLogSource(Rooted.dir(dir), "ns", "p", "c", FieldFilter.none(), maxLine, window);
        List<Entry> out = new ArrayList<>();
        try (EntryReader reader = source.open(source.head())) {
            for (int f = 0; f < NAMES.length; f++) {
                String live = NAMES[f].startsWith("0.") ? "0.log" : "1.log";
                byte[] content = bytes(files.get(f));
                Path path = dir.resolve(live);
                Files.write(path, new byte[0], StandardOpenOption.CREATE_NEW);
                for (int at = 0; at < content.length; ) {
                    int piece = Math.min(content.length - at, 1 + random.nextInt(content.length / 4 + 8));
                    try (OutputStream o = Files.newOutputStream(path, StandardOpenOption.APPEND)) {
                        o.write(content, at, piece);
                    }
                    at += piece;
                    drain(reader, out);
                    if (f == 1 && at > content.length / 2 && Files.exists(dir.resolve(NAMES[0].replace(".gz", "")))) {
                        gzip(dir.resolve(NAMES[0].replace(".gz", "")));
                    }
                }
                if (!NAMES[f].equals(live)) {
                    Files.move(path, dir.resolve(NAMES[f].replace(".gz", "")));
                }
                drain(reader, out);
            }
            drain(reader, out);
            for (Entry e = reader.flushPartial(); e != null; e = reader.flushPartial()) {
                out.add(e);
            }
        }
        return out;
    }

    private static void drain(EntryReader reader, List<Entry> out) throws IOException {
        for (Entry e = reader.next(); e != null; e = reader.next()) {
            out.add(e);
        }
    }

    // ---- the model: the joining rules on records, not bytes

    private static List<String> model(List<List<Item>> files, int maxLine, long window) {
        List<String> out = new ArrayList<>();
        Open[] open = new Open[3];
        long q = 0;
        for (int f = 0; f < files.size(); f++) {
            List<Item> file = files.get(f);
            for (Item item : file) {
                long recordStart = q;
                List<Open> stale = new ArrayList<>();
                for (int s = 0; s < 2; s++) {
                    if (open[s] != null && open[s].lastEnd < recordStart - window) {
                        stale.add(open[s]);
                    }
                }
                stale.sort(Comparator.comparingLong(o -> o.start));
                for (Open o : stale) {
                    out.add(describe(o.stream, o.text.toString(), false));
                    open[o.stream] = null;
                }
                int s = item.stream;
                if (open[s] == null) {
                    open[s] = new Open(s, recordStart);
                }
                Open line = open[s];
                long textAt = recordStart + item.headLength();
                for (int i = 0; i < item.text.length(); i++) {
                    if (line.text.length() == maxLine) {
                        out.add(describe(s, line.text.toString(), true));
                        line.text.setLength(0);
                        line.start = textAt + i;
                    }
                    line.text.append(item.text.charAt(i));
                }
                q += item.line.length();
                line.lastEnd = q;
                if (!item.partial) {
                    out.add(describe(s, line.text.toString(), false));
                    open[s] = null;
                }
            }
            boolean rotated = f + 1 < files.size() && NAMES[f + 1].charAt(0) == NAMES[f].charAt(0);
            if (rotated) {
                continue; // the same restart goes on in the next file: so do its open lines
            }
            List<Open> left = new ArrayList<>();
            for (Open o : open) {
                if (o != null) {
                    left.add(o);
                }
            }
            left.sort(Comparator.comparingLong(o -> o.start));
            for (Open o : left) {
                out.add(describe(o.stream, o.text.toString(), false));
            }
            open = new Open[3];
            q = 0;
        }
        return out;
    }

    private static final class Open {
        final int stream;
        long start;
        long lastEnd;
        final StringBuilder text = new StringBuilder();

        Open(int stream, long start) {
            this.stream = stream;
            this.start = start;
        }
    }

    private static String describe(int stream, String text, boolean split) {
        return (stream == 0 ? "stdout" : stream == 1 ? "stderr" : "raw") + " " + text + (split ? "\\" : "");
    }

    private static String describe(Entry e) {
        String stream = e.fields().getOrDefault("STREAM", "raw");
        return stream + " " + new String(e.text(), StandardCharsets.UTF_8);
    }

    // ---- random content

    /** One line of a file: a CRI record (stream 0 stdout, 1 stderr) or a non-CRI line (stream 2). */
    private record Item(int stream, boolean partial, String text, String line) {
        int headLength() {
            return line.length() - 1 - text.length();
        }
    }

    private static List<Item> randomItems(Random random, CriFixture clock, int count) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            if (roll < 3) {
                String text = "raw line " + word(random, random.nextInt(30));
                items.add(new Item(2, false, text, text + "\n"));
                continue;
            }
            int stream = roll < 65 ? 0 : 1;
            boolean partial = random.nextInt(100) < 35;
            int length = random.nextInt(10) == 0 ? 20 + random.nextInt(40) : random.nextInt(14);
            String text = word(random, length);
            String line = clock.recordLine(stream == 0 ? "stdout" : "stderr", partial ? "P" : "F", text);
            items.add(new Item(stream, partial, text, line));
        }
        return items;
    }

    private static String word(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(random.nextInt(8) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static byte[] bytes(List<Item> items) {
        StringBuilder b = new StringBuilder();
        for (Item item : items) {
            b.append(item.line);
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(Path path, byte[] content) throws IOException {
        if (path.getFileName().toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
                out.write(content);
            }
        } else {
            Files.write(path, content);
        }
    }

    private static void gzip(Path plain) throws IOException {
        write(plain.resolveSibling(plain.getFileName() + ".gz"), Files.readAllBytes(plain));
        Files.delete(plain);
    }
}
