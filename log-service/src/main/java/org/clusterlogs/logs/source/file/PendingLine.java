package org.clusterlogs.logs.source.file;

import java.util.Arrays;

/** The start of a line whose end has not been read yet; grows up to the line cap. */
final class PendingLine {

    private byte[] bytes;
    private int length;

    PendingLine(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    int length() {
        return length;
    }

    void append(byte[] source, int from, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
        }
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    /** Everything pending plus {@code count} bytes of {@code source}; leaves nothing pending. */
    byte[] takeWith(byte[] source, int from, int count) {
        byte[] line = Arrays.copyOf(bytes, length + count);
        System.arraycopy(source, from, line, length, count);
        length = 0;
        return line;
    }

    byte[] take() {
        byte[] line = Arrays.copyOf(bytes, length);
        length = 0;
        return line;
    }
}
