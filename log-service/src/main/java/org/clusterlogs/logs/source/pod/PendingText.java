package org.clusterlogs.logs.source.pod;

import java.util.Arrays;

/** The text of a line collected so far (from one or more records); grows up to the line cap. */
final class PendingText {

    private byte[] bytes = new byte[256];
    private int length;

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

    /** The text collected; leaves nothing pending. */
    byte[] take() {
        byte[] text = Arrays.copyOf(bytes, length);
        length = 0;
        if (bytes.length > 64 * 1024) {
            bytes = new byte[256]; // do not keep a cap-sized buffer per stream after one long line
        }
        return text;
    }

    void clear() {
        length = 0;
    }
}
