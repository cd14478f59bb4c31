package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.ReverseScanner;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Walks a plain file's records backwards, one 64 KiB window at a time, to find a
 * <em>clean point</em>: a record start where no stream has an open line, so the file can be
 * read forward from there with nothing carried over. This is what makes "the last N lines"
 * cost about N lines (plus the bounded look-back of {@link CriJoiner}'s rules) instead of the
 * whole file.
 */
final class RecordScan {

    private final ReverseScanner scanner;
    private final long partialWindow;
    private final boolean startClean;
    private final byte[] head = new byte[CriHeader.MAX_BYTES];

    /**
     * @param startClean whether no line can be open at the file's start (the first file of a
     *                   restart); otherwise lines may go on from the file before
     */
    RecordScan(FileChannel channel, long size, long partialWindow, boolean startClean) {
        this.scanner = new ReverseScanner(channel, size);
        this.partialWindow = partialWindow;
        this.startClean = startClean;
    }

    /** The start of the line holding {@code offset} (0 &lt; offset &lt;= size). */
    long lineStart(long offset) throws IOException {
        return lastNewlineBefore(offset) + 1;
    }

    /** A clean point at or before {@code x}, a record start; 0 when only the file's start may be one. */
    long cleanPoint(long x) throws IOException {
        while (x > 0) {
            long candidate = x;
            for (CriStream s : CriStream.JOINED) {
                long run = openRunStart(s, x);
                if (run >= 0 && run < candidate) {
                    candidate = run;
                }
            }
            if (candidate == x) {
                return x;
            }
            x = candidate;
        }
        return 0;
    }

    /**
     * The record where {@code stream}'s line still open at record start {@code x} began (0 when
     * it may have begun in the file before), or -1 when none is open there: its last record
     * before {@code x} completed a line, or is further back than the partial window (so the
     * line was given up at {@code x}).
     */
    private long openRunStart(CriStream stream, long x) throws IOException {
        long end = x;
        long runStart = -1;
        while (end > 0) {
            if (runStart < 0 && end < x - partialWindow) {
                return -1;
            }
            long start = lastNewlineBefore(end - 1) + 1;
            int kind = kind(start, end - 1);
            if (kind >= 0 && CriStream.ALL[kind >> 1] == stream) {
                boolean partial = (kind & 1) == 1;
                if (runStart < 0) {
                    if (!partial) {
                        return -1;
                    }
                } else if (!partial || runStart - end > partialWindow) {
                    return runStart;
                }
                runStart = start;
            }
            end = start;
        }
        // at the file's start: a line may have come over from the file before unless the
        // stream's last record there is known to be further back than the partial window
        if (!startClean && (runStart < 0 ? x <= partialWindow : runStart <= partialWindow)) {
            return 0;
        }
        return runStart;
    }

    /**
     * What the line {@code [start, newline)} is, decided exactly as {@link CriJoiner} does:
     * {@code stream.ordinal() * 2 + (partial ? 1 : 0)} for a record, -1 for a non-CRI line.
     */
    private int kind(long start, long newline) throws IOException {
        long length = newline - start;
        int n = (int) Math.min(length, CriHeader.MAX_BYTES);
        scanner.copy(start, head, n);
        int spaces = 0;
        int headLength = -1;
        for (int i = 0; i < n; i++) {
            if (head[i] == ' ' && ++spaces == 3) {
                headLength = i + 1;
                break;
            }
        }
        CriHeader h;
        if (headLength > 0) {
            h = CriHeader.parse(head, headLength, false);
        } else if (length < CriHeader.MAX_BYTES) {
            h = CriHeader.parse(head, n, true);
        } else {
            h = null;
        }
        return h == null ? -1 : h.stream().ordinal() * 2 + (h.partial() ? 1 : 0);
    }

    /** The offset of the last {@code '\n'} before {@code index}, or -1. */
    private long lastNewlineBefore(long index) throws IOException {
        return scanner.lastNewlineAtOrBefore(index - 1);
    }
}
