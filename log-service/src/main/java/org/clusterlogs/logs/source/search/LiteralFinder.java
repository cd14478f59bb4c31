package org.clusterlogs.logs.source.search;

import org.clusterlogs.logs.source.ReverseScanner;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds a literal in raw bytes, where a search spends its time: most lines of a big log hold no
 * match and are skipped here without being cut out or decoded. Searching the UTF-8 bytes of the
 * literal is exact for UTF-8 text (a character's encoding occurs only where the character does)
 * and for Latin-1 bytes alike.
 *
 * <p>Eight positions at a time: a word of the bytes compared with the literal's first byte and
 * the word {@code length - 1} further on with its last byte marks the positions where both
 * agree, and only those are compared in full. This allocates nothing, unlike a search through a
 * {@code String} copy of each buffer (which cost a young collection every few MiB read).
 */
public final class LiteralFinder {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Finds line ends: the same word-at-a-time search for a single byte. */
    public static final LiteralFinder NEWLINE = new LiteralFinder(new byte[]{'\n'});

    private final byte[] literal;
    private final long first;
    private final long last;

    LiteralFinder(byte[] literal) {
        if (literal.length == 0) {
            throw new IllegalArgumentException("an empty literal");
        }
        this.literal = literal;
        this.first = (literal[0] & 0xFFL) * ONES;
        this.last = (literal[literal.length - 1] & 0xFFL) * ONES;
    }

    /** The literal's length in bytes. */
    public int length() {
        return literal.length;
    }

    /** Whether {@code bytes} (one line) holds the literal. */
    boolean foundIn(byte[] bytes) {
        return indexOf(bytes, 0, bytes.length) >= 0;
    }

    /** The first index in {@code [from, limit)} where the literal starts and ends before {@code limit}, or -1. */
    public int indexOf(byte[] bytes, int from, int limit) {
        int k = literal.length - 1;
        int i = from;
        for (; i + 7 + k < limit; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ first;
            long y = (long) LONGS.get(bytes, i + k) ^ last;
            long z = x | y;
            // a zero byte of z marks a candidate; the borrow can mark a few more, never fewer
            long candidates = (z - ONES) & ~z & HIGHS;
            while (candidates != 0) {
                int j = i + (Long.numberOfTrailingZeros(candidates) >>> 3);
                if (Arrays.equals(bytes, j, j + k + 1, literal, 0, k + 1)) {
                    return j;
                }
                candidates &= candidates - 1;
            }
        }
        for (; i + k < limit; i++) {
            if (Arrays.equals(bytes, i, i + k + 1, literal, 0, k + 1)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where a reader of {@code bytes[0, limit)} (a read buffer) positioned at {@code from} can
     * go on, given {@code hit}, the next occurrence at or after {@code from} ({@link #indexOf}, or
     * -1): the start of the line that holds it (the first byte after the newline before it, or
     * {@code from}); when there is none, the first byte after the buffer's last complete line (or
     * {@code from}). Every line before the answer lacks the literal, and no newline lies between
     * the answer and the hit.
     */
    public static int skipTo(byte[] bytes, int from, int limit, int hit) {
        int end = hit < 0 ? limit : hit;
        int newline = end == 0 ? -1 : ReverseScanner.lastNewline(bytes, end - 1);
        return newline < from ? from : newline + 1;
    }

    @Override
    public String toString() {
        return "LiteralFinder[" + literal.length + " bytes]";
    }
}
