package org.clusterlogs.logs.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads entries forward from a position. {@link #next()} answers {@code null} when nothing
 * more is available <em>now</em>; a follower calls it again after the log changed, and the
 * reader then continues exactly where it stopped (across rotation, where the source supports it).
 */
public interface EntryReader extends Closeable {

    /** The next entry, or {@code null} when the reader is at the current end of the log. */
    Entry next() throws IOException;

    /**
     * At the end of a range read: returns one entry that is still incomplete in the log (a
     * partial last line, a CRI line whose final record has not been written), or null when
     * nothing is held back. Called until it answers null; a follower never calls it, it waits
     * for the rest instead.
     */
    default Entry flushPartial() throws IOException {
        return null;
    }

    /**
     * For a reader that learns of new entries by itself rather than through
     * {@link LogSource#watchPaths()} (the journal, whose shared tail reads every new entry):
     * calls {@code wake} once right away and then whenever {@link #next()} may have something
     * new, until closed. A follower calls it once when it first waits; range reads never do.
     */
    default void onNewEntries(Runnable wake) {
    }

    @Override
    void close() throws IOException;
}
