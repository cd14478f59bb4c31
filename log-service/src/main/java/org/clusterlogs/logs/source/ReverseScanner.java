package org.clusterlogs.logs.source;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Random access to a file's bytes for scanning backwards, one 64 KiB window at a time: the
 * window loaded for an index ends at that index (the bytes before it are the ones a backward
 * scan wants next), or, when a size was given, reaches forward up to that size.
 */
public final class ReverseScanner implements AutoCloseable {

    static final int WINDOW = 64 * 1024;
    /** The first window: most scans (the last lines of a file) need a few KiB, not 64. */
    private static final int FIRST_WINDOW = 8 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    private final FileChannel channel;
    /** How far a window may reach forward, or -1 to end each window at the index asked for. */
    private final long limit;
    /** Each read thread keeps one full-size window for the scans of its requests (no garbage per request). */
    private static final ThreadLocal<ByteBuffer> SPARE = new ThreadLocal<>();
    private ByteBuffer window;
    private final boolean borrowed;
    private long windowStart = 0;
    private int windowLength = 0;

    public ReverseScanner(FileChannel channel) {
        this(channel, -1);
    }

    /**
     * @param size the file's size when the scan began: windows reach forward up to it, and no
     *             index at or past it may be asked for
     */
    public ReverseScanner(FileChannel channel, long size) {
        this(channel, size, ByteBuffer.allocate(FIRST_WINDOW), false);
    }

    private ReverseScanner(FileChannel channel, long size, ByteBuffer window, boolean borrowed) {
        this.channel = channel;
        this.limit = size;
        this.window = window;
        this.borrowed = borrowed;
    }

    /**
     * A scanner that uses this thread's spare full-size window while it is open; close it (in
     * the same thread) to give the window back.
     */
    public static ReverseScanner borrowing(FileChannel channel, long size) {
        ByteBuffer spare = SPARE.get();
        if (spare == null) {
            return new ReverseScanner(channel, size, ByteBuffer.allocate(WINDOW), true);
        }
        SPARE.set(null);
        return new ReverseScanner(channel, size, spare, true);
    }

    @Override
    public void close() {
        if (borrowed) {
            SPARE.set(window);
        }
    }

    public byte byteAt(long index) throws IOException {
        load(index);
        return window.get((int) (index - windowStart));
    }

    /** The offset of the last {@code '\n'} at or before {@code index}, or -1. */
    public long lastNewlineAtOrBefore(long index) throws IOException {
        long i = index;
        while (i >= 0) {
            load(i);
            int found = lastNewline(window.array(), (int) (i - windowStart));
            if (found >= 0) {
                return windowStart + found;
            }
            i = windowStart - 1;
        }
        return -1;
    }

    /**
     * The index of the last {@code '\n'} in {@code bytes[0..to]}, or -1: eight bytes at a time
     * (a word with a newline byte is found without looking at its bytes one by one).
     */
    public static int lastNewline(byte[] bytes, int to) {
        int j = to;
        for (; j >= 7; j -= 8) {
            long word = (long) LONGS.get(bytes, j - 7);
            long x = word ^ NEWLINES;
            // a byte of x is zero where the word holds '\n'; its marker bit is set exactly there
            long zeros = ~(((x & LOW7) + LOW7) | x | LOW7);
            if (zeros != 0) {
                return j - 7 + (63 - Long.numberOfLeadingZeros(zeros)) / 8;
            }
        }
        for (; j >= 0; j--) {
            if (bytes[j] == '\n') {
                return j;
            }
        }
        return -1;
    }

    /** The bytes {@code [from, to)}; zeros past the end of the file. */
    public byte[] read(long from, long to) throws IOException {
        ByteBuffer out = ByteBuffer.allocate((int) (to - from));
        while (out.hasRemaining()) {
            if (channel.read(out, from + out.position()) < 0) {
                break;
            }
        }
        return out.array();
    }

    /**
     * Copies the {@code n} bytes at {@code offset} into {@code target[0, n)}: from the window
     * when it holds them all, otherwise from the file (without moving the window).
     *
     * @throws IOException also when the file ends before {@code offset + n}
     */
    public void copy(long offset, byte[] target, int n) throws IOException {
        if (offset >= windowStart && offset + n <= windowStart + windowLength) {
            System.arraycopy(window.array(), (int) (offset - windowStart), target, 0, n);
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(target, 0, n);
        while (b.hasRemaining()) {
            if (channel.read(b, offset + b.position()) <= 0) {
                throw shrank();
            }
        }
    }

    /** Makes the window hold {@code index}, preferring the bytes before it. */
    private void load(long index) throws IOException {
        if (index >= windowStart && index < windowStart + windowLength) {
            return;
        }
        if (windowLength > 0 && window.capacity() < WINDOW) {
            window = ByteBuffer.allocate(window.capacity() * 2); // a long scan: larger reads
        }
        int size = window.capacity();
        long start = Math.max(0, index + 1 - size);
        long end = limit < 0 ? index + 1 : Math.min(limit, start + size);
        window.clear();
        window.limit((int) (end - start));
        while (window.hasRemaining()) {
            if (channel.read(window, start + window.position()) <= 0) {
                break;
            }
        }
        windowStart = start;
        windowLength = window.position();
        if (index >= windowStart + windowLength) {
            throw shrank();
        }
    }

    private static IOException shrank() {
        return new IOException("file shrank while it was read");
    }
}
