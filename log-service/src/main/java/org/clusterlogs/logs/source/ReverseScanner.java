package org.clusterlogs.logs.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Random access to a file's bytes for scanning backwards, one 64 KiB window at a time: the
 * window loaded for an index ends at that index (the bytes before it are the ones a backward
 * scan wants next), or, when a size was given, reaches forward up to that size.
 */
public final class ReverseScanner {

    static final int WINDOW = 64 * 1024;

    private final FileChannel channel;
    /** How far a window may reach forward, or -1 to end each window at the index asked for. */
    private final long limit;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
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
        this.channel = channel;
        this.limit = size;
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
            byte[] bytes = window.array();
            for (int j = (int) (i - windowStart); j >= 0; j--) {
                if (bytes[j] == '\n') {
                    return windowStart + j;
                }
            }
            i = windowStart - 1;
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
        long start = Math.max(0, index + 1 - WINDOW);
        long end = limit < 0 ? index + 1 : Math.min(limit, start + WINDOW);
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
