package org.clusterlogs.logs.source.rotation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The last bytes read before the read position of a live file. A copy-truncate rotation
 * followed by a write longer than what was read leaves the file longer than the position, so
 * the size alone cannot tell; these bytes can: after a truncation they are (almost surely)
 * something else.
 */
final class TruncationGuard {

    static final int SIZE = 32;

    private final byte[] bytes = new byte[SIZE];
    private int length;

    /** Remembers the end of what was just read: {@code n} bytes of {@code source} from {@code from}. */
    void remember(byte[] source, int from, int n) {
        if (n >= SIZE) {
            System.arraycopy(source, from + n - SIZE, bytes, 0, SIZE);
            length = SIZE;
        } else {
            int keep = Math.min(length, SIZE - n);
            System.arraycopy(bytes, length - keep, bytes, 0, keep);
            System.arraycopy(source, from, bytes, keep, n);
            length = keep + n;
        }
    }

    /** Loads the bytes before {@code offset} from the file, when reading starts there. */
    void load(FileChannel channel, long offset) throws IOException {
        int want = (int) Math.min(SIZE, offset);
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, want);
        while (b.hasRemaining() && channel.read(b, offset - want + b.position()) > 0) {
            // until the guard is full
        }
        length = b.position();
    }

    /** Whether the bytes before {@code offset} are still the ones read. */
    boolean holds(FileChannel channel, long offset) throws IOException {
        if (length == 0) {
            return true;
        }
        ByteBuffer now = ByteBuffer.allocate(length);
        while (now.hasRemaining()) {
            if (channel.read(now, offset - length + now.position()) <= 0) {
                return false;
            }
        }
        return Arrays.equals(now.array(), 0, length, bytes, 0, length);
    }

    void clear() {
        length = 0;
    }
}
