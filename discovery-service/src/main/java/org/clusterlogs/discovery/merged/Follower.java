package org.clusterlogs.discovery.merged;

/**
 * One source of a merged follow and where it stands: its last cursor (null before its first
 * entry, then reads start at {@link #start}), whether it is away ({@link #lost}) and how often it
 * was retried, whether it is being read to its end because its task is over ({@link #draining}).
 * Only the follow's event loop touches it.
 */
final class Follower {

    enum State { FOLLOWING, ENDED, FORBIDDEN }

    final MergedSource source;
    /** The task id's key in merged ids ({@link MergedCursor#key}), hashed once. */
    final long key;
    /** Where reads start while the source has given no entry: {@code cursor=BEG}, {@code cursor=END}, … */
    final String start;
    String cursor;
    SourceReader reader;
    State state = State.FOLLOWING;
    boolean lost;
    boolean draining;
    int attempts;
    long retryTimer = -1;

    Follower(MergedSource source, String start, String cursor) {
        this.source = source;
        this.key = MergedCursor.key(source.task().id());
        this.start = start;
        this.cursor = cursor;
    }

    String taskId() {
        return source.task().id();
    }

    boolean active() {
        return state == State.FOLLOWING;
    }
}
