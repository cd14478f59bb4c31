package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.BadCursorException;

/**
 * Cursor strings of pod logs: {@code <restart>-<first>-<offset>}, then for each stream with an
 * open line {@code -<letter><distance>} ({@code o} stdout, {@code e} stderr, {@code x} a non-CRI
 * line; distance = offset minus where that line continues, larger than the offset when the
 * line began in the file before). Example: {@code 0-1763768640123456789-4096} or
 * {@code 0-1763768640123456789-4096-o120}. Only digits, letters and {@code -}: nothing to
 * escape in a URL or an SSE id.
 */
final class PodCursor {

    private static final int MAX_LENGTH = 160;
    /** Far more than any log keeps; keeps offset minus distance clear of overflow and of NONE. */
    private static final long MAX_DISTANCE = 1L << 60;

    private PodCursor() {
    }

    static String format(SegmentId segment, long offset, long[] from) {
        StringBuilder b = new StringBuilder(48);
        b.append(segment.restart()).append('-').append(segment.first()).append('-').append(offset);
        for (CriStream s : CriStream.ALL) {
            long f = from[s.ordinal()];
            if (f != CriJoiner.NONE) {
                b.append('-').append(s.cursorLetter()).append(offset - f);
            }
        }
        return b.toString();
    }

    static PodPosition parse(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw bad(cursor, "it must be <restart>-<first record time>-<offset>[-o<n>][-e<n>][-x<n>]");
        }
        String[] parts = cursor.split("-", -1);
        if (parts.length < 3 || parts.length > 6) {
            throw bad(cursor, "it must be <restart>-<first record time>-<offset>[-o<n>][-e<n>][-x<n>]");
        }
        long restart = number(cursor, parts[0], "restart");
        long first = number(cursor, parts[1], "first record time");
        long offset = number(cursor, parts[2], "offset");
        long[] from = PodPosition.none();
        for (int i = 3; i < parts.length; i++) {
            String p = parts[i];
            CriStream stream = p.isEmpty() ? null : CriStream.ofLetter(p.charAt(0));
            if (stream == null || from[stream.ordinal()] != CriJoiner.NONE) {
                throw bad(cursor, "an open line must be o<n>, e<n> or x<n>, each at most once");
            }
            long distance = number(cursor, p.substring(1), "open line distance");
            if (distance > MAX_DISTANCE) {
                throw bad(cursor, "open line distance is too large");
            }
            from[stream.ordinal()] = offset - distance;
        }
        return PodPosition.of(new SegmentId(restart, first), offset, from);
    }

    private static long number(String cursor, String digits, String what) {
        if (digits.isEmpty() || digits.length() > 19) {
            throw bad(cursor, what + " must be a non-negative integer");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw bad(cursor, what + " must be a non-negative integer");
            }
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw bad(cursor, what + " is too large");
        }
    }

    private static BadCursorException bad(String cursor, String why) {
        String shown = cursor == null ? "" : cursor.length() > 80 ? cursor.substring(0, 80) + "..." : cursor;
        return new BadCursorException("not a pod log cursor: '" + shown + "': " + why);
    }
}
