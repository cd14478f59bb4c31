package org.clusterlogs.logs.source;

import java.util.Arrays;

/**
 * The bytes of a line collected so far, whose end has not been read yet: a growable buffer
 * the readers keep up to their line cap.
 */
public final class LineBuffer {

    /** A buffer grown past this is dropped by {@link #take()}. */
    static final int KEEP_AT_MOST = 64 * 1024;

    private final int initialCapacity;
    private byte[] bytes;
    private int length;

    public LineBuffer(int initialCapacity) {
        this.initialCapacity = Math.max(16, initialCapacity);
        this.bytes = new byte[this.initialCapacity];
    }

    public int length() {
        return length;
    }

    public void append(byte[] source, int from, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
        }
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    /** Everything collected plus {@code count} bytes of {@code source}; leaves nothing pending. */
    public byte[] takeWith(byte[] source, int from, int count) {
        byte[] line = Arrays.copyOf(bytes, length + count);
        System.arraycopy(source, from, line, length, count);
        length = 0;
        return line;
    }

    /** Everything collected; leaves nothing pending. */
    public byte[] take() {
        byte[] line = Arrays.copyOf(bytes, length);
        length = 0;
        if (bytes.length > KEEP_AT_MOST) {
            bytes = new byte[initialCapacity]; // do not keep a cap-sized buffer after one long line
        }
        return line;
    }

    public void clear() {
        length = 0;
    }

    /** The size of the buffer now (for tests). */
    int capacity() {
        return bytes.length;
    }
}
