package org.clusterlogs.logs.source.pod;

/**
 * The head of a CRI record, {@code <timestamp> <stream> <tag> }: which stream, whether the
 * record is partial ({@code P}; other tags such as {@code F} or {@code F:x} complete a line,
 * as kubelet reads them) and when it was written. The forward reader and the backward scan
 * both decide here, so they always agree on what a record is.
 *
 * @param stream  {@link CriStream#STDOUT} or {@link CriStream#STDERR}
 * @param partial the tag is {@code P}
 * @param nanos   the timestamp, ns since the epoch
 */
record CriHeader(CriStream stream, boolean partial, long nanos) {

    /** A record head is never longer; a line without one in its first bytes is not CRI. */
    static final int MAX_BYTES = 128;

    /**
     * Parses the first {@code length} bytes of a line: up to and including the third space, or,
     * when {@code wholeLine}, the whole line (a record with an empty text and no space after
     * the tag). Answers {@code null} when they are not a record head.
     */
    static CriHeader parse(byte[] b, int length, boolean wholeLine) {
        int first = indexOf(b, 0, length);
        int second = first < 0 ? -1 : indexOf(b, first + 1, length);
        if (second < 0) {
            return null;
        }
        int third = indexOf(b, second + 1, length);
        int tagEnd = third >= 0 ? third : wholeLine ? length : -1;
        if (tagEnd <= second + 1) {
            return null;
        }
        long nanos = CriTimestamp.parseNanos(b, 0, first);
        if (nanos == CriTimestamp.INVALID) {
            return null;
        }
        CriStream stream;
        if (is(b, first + 1, second, "stdout")) {
            stream = CriStream.STDOUT;
        } else if (is(b, first + 1, second, "stderr")) {
            stream = CriStream.STDERR;
        } else {
            return null;
        }
        boolean partial = b[second + 1] == 'P' && (tagEnd == second + 2 || b[second + 2] == ':');
        return new CriHeader(stream, partial, nanos);
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static boolean is(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
