package org.clusterlogs.logs.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One readable log: a sandbox file, a component log file, a pod container's CRI files or
 * (a filtered view of) the journal. Filters given when the source was made narrow every
 * operation here, so counts are counts of matching entries.
 *
 * <p>Positioning model (log-service README, "Positioning"): a position is <em>between</em> two entries;
 * a cursor names the position after the entry it was taken from.
 */
public interface LogSource {

    /** Before the first entry. */
    Position head();

    /** After the last entry present now. */
    Position tail() throws IOException;

    /** The position after the entry this cursor was taken from; throws {@link BadCursorException}. */
    Position after(String cursor) throws IOException;

    /**
     * Moves {@code count} (&gt; 0) matching entries back from {@code from}, clamped at the head.
     */
    Position back(Position from, long count) throws IOException;

    /** A reader that starts at {@code from}. */
    EntryReader open(Position from) throws IOException;

    /** Paths whose change may mean new entries (files or directories); a follower watches them. */
    List<Path> watchPaths();

    /**
     * When the text answer of a range read from {@code from} to the current end is the log's
     * own bytes unchanged (a plain file, every line within the cap, no filter), those bytes;
     * else empty, and the answer is made entry by entry.
     */
    default Optional<UnchangedBytes> unchangedText(Position from) throws IOException {
        return Optional.empty();
    }

    /**
     * Whether a follower of this log sends what is new in batches (see {@code
     * logs.journal-follow-batch}) rather than each entry as soon as it comes.
     */
    default boolean followsInBatches() {
        return false;
    }

    /** Lets go of what positioning held open (a file); the source stays usable. */
    default void close() throws IOException {
    }
}
