package org.clusterlogs.logs.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReverseScannerTest {

    private static final int W = ReverseScanner.WINDOW;

    @TempDir
    Path tmp;

    private FileChannel open(byte[] content) throws IOException {
        Path file = tmp.resolve("f" + System.nanoTime());
        Files.write(file, content);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /** {@code length} bytes of 'a'..'z' with a newline at each of {@code newlines}. */
    private static byte[] content(int length, int... newlines) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        for (int n : newlines) {
            bytes[n] = '\n';
        }
        return bytes;
    }

    private static long expectedLastNewline(byte[] bytes, long index) {
        for (long i = index; i >= 0; i--) {
            if (bytes[(int) i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Indexes at and around every window boundary, the ends of the file, and every newline. */
    private static List<Long> probes(int length, int... newlines) {
        TreeSet<Long> probes = new TreeSet<>();
        for (long b = 0; b <= length + W; b += W) {
            for (long d = -2; d <= 2; d++) {
                probes.add(b + d);
                probes.add(length - 1 - b + d);
            }
        }
        for (int n : newlines) {
            probes.add((long) n - 1);
            probes.add((long) n);
            probes.add((long) n + 1);
        }
        probes.removeIf(i -> i < 0 || i >= length);
        return new ArrayList<>(probes);
    }

    @Test
    void fileShorterThanAWindow() throws IOException {
        byte[] bytes = "one\ntwo\n\nthree".getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = open(bytes)) {
            ReverseScanner scan = new ReverseScanner(channel);
            for (int i = bytes.length - 1; i >= 0; i--) {
                assertEquals(bytes[i], scan.byteAt(i), "byte " + i);
                assertEquals(expectedLastNewline(bytes, i), scan.lastNewlineAtOrBefore(i), "newline at or before " + i);
            }
            assertArrayEquals("two".getBytes(StandardCharsets.US_ASCII), scan.read(4, 7));
        }
    }

    @Test
    void indexZero() throws IOException {
        try (FileChannel channel = open("\nx".getBytes(StandardCharsets.US_ASCII))) {
            ReverseScanner scan = new ReverseScanner(channel);
            assertEquals('\n', scan.byteAt(0));
            assertEquals(0, scan.lastNewlineAtOrBefore(0));
            assertEquals(0, scan.lastNewlineAtOrBefore(1));
            assertEquals(-1, scan.lastNewlineAtOrBefore(-1));
        }
        try (FileChannel channel = open("x\n".getBytes(StandardCharsets.US_ASCII))) {
            ReverseScanner scan = new ReverseScanner(channel);
            assertEquals(-1, scan.lastNewlineAtOrBefore(0));
            assertEquals('x', scan.byteAt(0));
            assertEquals(1, scan.lastNewlineAtOrBefore(1));
        }
    }

    @Test
    void windowBoundaries() throws IOException {
        int length = 3 * W + 100;
        int[] newlines = {0, W - 1, W, 2 * W - 2, 2 * W + 1, length - 1};
        byte[] bytes = content(length, newlines);
        List<Long> probes = probes(length, newlines);
        try (FileChannel channel = open(bytes)) {
            for (ReverseScanner scan : List.of(new ReverseScanner(channel), new ReverseScanner(channel, length))) {
                for (int k = probes.size() - 1; k >= 0; k--) {
                    long i = probes.get(k);
                    assertEquals(bytes[(int) i], scan.byteAt(i), "byte " + i);
                    assertEquals(expectedLastNewline(bytes, i), scan.lastNewlineAtOrBefore(i), "newline at or before " + i);
                }
                // forward order too: every probe may need another window
                for (long i : probes) {
                    assertEquals(expectedLastNewline(bytes, i), scan.lastNewlineAtOrBefore(i), "newline at or before " + i);
                }
            }
        }
    }

    @Test
    void newlineSeveralWindowsBack() throws IOException {
        int length = 3 * W + 7;
        byte[] bytes = content(length, 5);
        try (FileChannel channel = open(bytes)) {
            assertEquals(5, new ReverseScanner(channel).lastNewlineAtOrBefore(length - 1));
            assertEquals(5, new ReverseScanner(channel, length).lastNewlineAtOrBefore(length - 1));
        }
        try (FileChannel channel = open(content(length))) {
            assertEquals(-1, new ReverseScanner(channel).lastNewlineAtOrBefore(length - 1));
        }
    }

    @Test
    void walkingAllLinesBackward() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * W; i++) {
            text.append("x".repeat(i * 37 % 5000)).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        List<Long> expected = new ArrayList<>();
        for (long i = bytes.length - 1; i >= 0; i--) {
            if (bytes[(int) i] == '\n') {
                expected.add(i);
            }
        }
        try (FileChannel channel = open(bytes)) {
            ReverseScanner scan = new ReverseScanner(channel);
            List<Long> found = new ArrayList<>();
            for (long n = scan.lastNewlineAtOrBefore(bytes.length - 1); n >= 0; n = scan.lastNewlineAtOrBefore(n - 1)) {
                found.add(n);
            }
            assertEquals(expected, found);
        }
    }

    @Test
    void copyFromTheWindowAndFromTheFile() throws IOException {
        int length = 2 * W + 50;
        byte[] bytes = content(length, W, W + 10);
        try (FileChannel channel = open(bytes)) {
            ReverseScanner scan = new ReverseScanner(channel, length);
            scan.lastNewlineAtOrBefore(W + 20); // loads [21, W + 21)
            for (long at : new long[] {0, 21, W - 5, W + 15, W + 18, 2 * W, length - 40}) {
                byte[] target = new byte[40];
                Arrays.fill(target, (byte) '#');
                scan.copy(at, target, 30);
                assertArrayEquals(Arrays.copyOfRange(bytes, (int) at, (int) at + 30), Arrays.copyOf(target, 30), "copy at " + at);
                assertEquals('#', target[30], "nothing past n is written");
            }
            byte[] none = new byte[0];
            scan.copy(length, none, 0);
            assertThrows(IOException.class, () -> scan.copy(length - 10, new byte[20], 20));
        }
    }

    @Test
    void sizeLimitLetsTheWindowReachForward() throws IOException {
        byte[] bytes = content(1000, 500, 999);
        try (FileChannel channel = open(bytes)) {
            ReverseScanner limited = new ReverseScanner(channel, 800);
            assertEquals(500, limited.lastNewlineAtOrBefore(700));
            // near the start the window reaches up to the size, not past it
            assertEquals(500, limited.lastNewlineAtOrBefore(799));
            assertThrows(IOException.class, () -> limited.byteAt(800));
            assertThrows(IOException.class, () -> limited.byteAt(999));
        }
    }

    @Test
    void readPastTheEndIsZeroFilledAndByteAtPastTheEndFails() throws IOException {
        byte[] bytes = "abc\n".getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = open(bytes)) {
            ReverseScanner scan = new ReverseScanner(channel);
            assertArrayEquals(new byte[] {'c', '\n', 0, 0}, scan.read(2, 6));
            assertArrayEquals(new byte[0], scan.read(3, 3));
            assertThrows(IOException.class, () -> scan.byteAt(4));
            assertThrows(IOException.class, () -> scan.lastNewlineAtOrBefore(W + 4));
        }
    }

    @Test
    void lastNewlineFindsTheSameByteAsALoopOverEveryByte() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(70)];
            for (int i = 0; i < bytes.length; i++) {
                int kind = random.nextInt(10);
                bytes[i] = (byte) (kind == 0 ? '\n' : kind == 1 ? 0x8A : kind == 2 ? 0x0B : kind == 3 ? 0 : random.nextInt(256));
            }
            int to = random.nextInt(bytes.length);
            int expected = -1;
            for (int j = to; j >= 0; j--) {
                if (bytes[j] == '\n') {
                    expected = j;
                    break;
                }
            }
            assertEquals(expected, ReverseScanner.lastNewline(bytes, to), java.util.Arrays.toString(bytes) + " to " + to);
        }
    }
}
