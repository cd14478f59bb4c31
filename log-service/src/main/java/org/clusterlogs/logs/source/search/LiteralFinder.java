package org.clusterlogs.logs.source.search;

import java.nio.charset.StandardCharsets;

/**
 * Finds a literal in raw bytes, where a search spends its time: most lines of a big log hold no
 * match and are skipped here without being cut out or decoded. Searching the UTF-8 bytes of the
 * literal is exact for UTF-8 text (a character's encoding occurs only where the character does)
 * and for Latin-1 bytes alike.
 *
 * <p>The bytes are looked at as an ISO-8859-1 string (one char per byte: a plain copy), whose
 * {@link String#indexOf(String, int)} the JVM runs as a vectorised intrinsic; one copy per read
 * buffer costs far less than a byte-by-byte search.
 */
public final class LiteralFinder {

    private final byte[] literal;
    private final String latin1;

    LiteralFinder(byte[] literal) {
        this.literal = literal;
        this.latin1 = new String(literal, StandardCharsets.ISO_8859_1);
    }

    /** The index of the first occurrence of {@code literal} in {@code bytes}, or -1 (for one line). */
    static int indexOf(byte[] bytes, byte[] literal) {
        int last = bytes.length - literal.length;
        byte first = literal.length == 0 ? 0 : literal[0];
        outer:
        for (int i = 0; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int k = 1; k < literal.length; k++) {
                if (bytes[i + k] != literal[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A view of {@code bytes[0, limit)} (a read buffer) to search it from several places. */
    public Window window(byte[] bytes, int limit) {
        return new Window(new String(bytes, 0, limit, StandardCharsets.ISO_8859_1));
    }

    /** One read buffer's bytes, searched for the literal and for line starts. */
    public final class Window {

        private final String text;

        private Window(String text) {
            this.text = text;
        }

        /**
         * Where the line that holds the next occurrence at or after {@code from} starts (the
         * first byte after the newline before it, or {@code from}); when there is no occurrence,
         * the first byte after the buffer's last complete line (or {@code from}). Every line
         * before the answer lacks the literal: a reader may skip to it.
         */
        public int skipFrom(int from) {
            int hit = text.indexOf(latin1, from);
            int end = hit < 0 ? text.length() : hit;
            int newline = end == 0 ? -1 : text.lastIndexOf('\n', end - 1);
            return newline < from ? from : newline + 1;
        }
    }

    @Override
    public String toString() {
        return "LiteralFinder[" + literal.length + " bytes]";
    }
}
