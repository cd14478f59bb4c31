package org.clusterlogs.logs.source.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Random access to a file's bytes for scanning backwards, one 64 KiB window at a time. */
final class ReverseScanner {

    private static final int WINDOW = 64 * 1024;

    private final FileChannel channel;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = 0;
    private int windowLength = 0;

    ReverseScanner(FileChannel channel) {
        this.channel = channel;
    }

    byte byteAt(long index) throws IOException {
        load(index);
        return window.get((int) (index - windowStart));
    }

    /** The offset of the last {@code '\n'} at or before {@code index}, or -1. */
    long lastNewlineAtOrBefore(long index) throws IOException {
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

    byte[] read(long from, long to) throws IOException {
        ByteBuffer out = ByteBuffer.allocate((int) (to - from));
        while (out.hasRemaining()) {
            if (channel.read(out, from + out.position()) < 0) {
                break;
            }
        }
        return out.array();
    }

    /** Makes the window hold {@code index}, preferring the bytes before it. */
    private void load(long index) throws IOException {
        if (index >= windowStart && index < windowStart + windowLength) {
            return;
        }
        long start = Math.max(0, index + 1 - WINDOW);
        window.clear();
        int length = (int) (index + 1 - start);
        window.limit(length);
        while (window.hasRemaining()) {
            if (channel.read(window, start + window.position()) < 0) {
                break;
            }
        }
        windowStart = start;
        windowLength = window.position();
        if (index >= windowStart + windowLength) {
            throw new IOException("file shrank while it was read");
        }
    }
}
