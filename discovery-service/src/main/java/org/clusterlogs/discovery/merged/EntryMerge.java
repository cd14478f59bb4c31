package org.clusterlogs.discovery.merged;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The order of a merged range read: a k-way merge of per-source sequences, each already in its
 * own order. An entry's key is its {@code realtime_timestamp}; an entry without one (a line of
 * a plain file) takes the key of the last timed entry before it in its source, or the lowest key
 * when there was none. The smallest key goes first; on equal keys the source listed first, and
 * within a source its own order, always. So timed sources (journal, pod logs) interleave by time,
 * untimed ones (task files) come one after the other in the order of the sources, whole, and a
 * mix puts every untimed line right after the timed entry that preceded it in its own source.
 *
 * <p>Nothing is decided before every unfinished source has an entry waiting: the merge holds at
 * most what the caller lets queue per source ({@link #queued(int)} tells it when to pause one).
 * Not thread-safe: one request's event loop drives it.
 *
 * @param <E> what an entry is
 */
public final class EntryMerge<E> {

    /** The key of an entry without time before any timed entry of its source. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private final List<Source<E>> sources;

    public EntryMerge(int sourceCount) {
        this.sources = new ArrayList<>(sourceCount);
        for (int i = 0; i < sourceCount; i++) {
            sources.add(new Source<>());
        }
    }

    /** The next entry of {@code source}, with its realtime timestamp in microseconds, or a negative one when it has none. */
    public void offer(int source, E entry, long realtimeMicros) {
        Source<E> s = sources.get(source);
        if (realtimeMicros >= 0) {
            s.lastKey = realtimeMicros;
        }
        s.queue.add(new Keyed<>(s.lastKey, entry));
    }

    /** {@code source} has nothing more. */
    public void finish(int source) {
        sources.get(source).finished = true;
    }

    /** How many entries of {@code source} wait. */
    public int queued(int source) {
        return sources.get(source).queue.size();
    }

    /** The next entry in merged order, or null when it cannot be known yet (or everything is out). */
    public E poll() {
        int best = -1;
        long bestKey = 0;
        for (int i = 0; i < sources.size(); i++) {
            Source<E> s = sources.get(i);
            Keyed<E> head = s.queue.peek();
            if (head == null) {
                if (!s.finished) {
                    return null; // this source's next entry might come first
                }
                continue;
            }
            if (best < 0 || head.key() < bestKey) {
                best = i;
                bestKey = head.key();
            }
        }
        return best < 0 ? null : sources.get(best).queue.poll().entry();
    }

    /** Whether every source has finished and every entry is out. */
    public boolean done() {
        for (Source<E> s : sources) {
            if (!s.finished || !s.queue.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static final class Source<E> {
        private final ArrayDeque<Keyed<E>> queue = new ArrayDeque<>();
        private long lastKey = NO_TIME;
        private boolean finished;
    }

    private record Keyed<E>(long key, E entry) {
    }
}
