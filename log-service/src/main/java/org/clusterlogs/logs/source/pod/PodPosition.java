package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.Position;

/**
 * A place between two lines of a container's log: an offset in one file's uncompressed bytes,
 * plus, for each stream whose line is still open there (its {@code P} records seen, its
 * {@code F} not yet), the offset from which that stream's text still has to be read: negative
 * when the line began in the files before (of the same restart). Reading from a position
 * re-reads from the smallest of these offsets, keeping of each stream only the bytes from its
 * own offset on, and so rebuilds exactly the reader's state at that place.
 *
 * @param segment the file, {@code null} for the head of the log
 * @param offset  the offset in it; {@link Long#MAX_VALUE} for the end of a finished file
 * @param stdoutFrom where stdout's open line continues, {@link CriJoiner#NONE} when none is open
 * @param stderrFrom the same for stderr
 * @param rawFrom    the same for a non-CRI line (open only when it was split at the cap)
 */
record PodPosition(SegmentId segment, long offset, long stdoutFrom, long stderrFrom, long rawFrom)
        implements Position {

    static final PodPosition HEAD = new PodPosition(null, 0, CriJoiner.NONE, CriJoiner.NONE, CriJoiner.NONE);

    static PodPosition of(SegmentId segment, long offset, long[] from) {
        return new PodPosition(segment, offset, from[0], from[1], from[2]);
    }

    /** The end of a finished file: everything in it, partial lines included, is before. */
    static PodPosition endOf(SegmentId segment) {
        return new PodPosition(segment, Long.MAX_VALUE, CriJoiner.NONE, CriJoiner.NONE, CriJoiner.NONE);
    }

    long from(CriStream stream) {
        return switch (stream) {
            case STDOUT -> stdoutFrom;
            case STDERR -> stderrFrom;
            case RAW -> rawFrom;
        };
    }

    long[] fromArray() {
        return new long[] {stdoutFrom, stderrFrom, rawFrom};
    }

    static long[] none() {
        return new long[] {CriJoiner.NONE, CriJoiner.NONE, CriJoiner.NONE};
    }
}
