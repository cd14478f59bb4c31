package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads a journal view forward from a position. It first catches up with journalctl runs of
 * its own (filtered by the view's matches, so journalctl's field indexes do the work), as a
 * range read does: the first run's end answers {@code null}. A reader asked again after that
 * is a follower, and it joins the directory's shared {@link JournalTail}: it takes a mark of
 * the tail's ring, catches up once more from its last entry, and then goes on in the ring
 * where {@link HandOver} says, with the entries its matches accept. Invariant: at every
 * moment the follower has returned, in journalctl's order, exactly the matching entries up to
 * its last one; at the hand-over the mark (taken before the run) and the run's last entry
 * decide which ring entry comes next, and nothing between them is lost or repeated.
 *
 * <p>A follower the ring left behind (a slow client) catches up through journalctl again from
 * its last entry; it never holds more than its place in the shared ring. A follower in the
 * ring holds no process and no thread: the tail wakes it through {@link #onNewEntries}.
 */
final class JournalReader implements EntryReader {

    /** Joins the shared tail of the reader's journal directory. */
    @FunctionalInterface
    interface TailJoiner {
        JournalTails.Lease join(Wakeup wakeup) throws IOException;
    }

    private final JournalctlCommand command;
    private final JournalMatches matches;
    private final TailJoiner joiner;
    private final Wakeup wakeup = new Wakeup();
    /** After the last entry returned: where a catch-up run starts. */
    private JournalPosition from;
    private volatile JournalRun run;
    private boolean endedOnce;
    private volatile JournalTails.Lease lease;
    private JournalTail.Mark mark;
    private volatile RingPlace place;
    private int runs;
    private volatile boolean closed;

    JournalReader(JournalctlCommand command, JournalMatches matches, JournalPosition from, TailJoiner joiner) {
        this.command = command;
        this.matches = matches;
        this.from = from;
        this.joiner = joiner;
    }

    @Override
    public Entry next() throws IOException {
        while (!closed) {
            if (place != null) {
                TailEntry entry = fromRing();
                if (entry != null) {
                    from = new JournalPosition.After(entry.cursor());
                    return entry.entry();
                }
                if (!place.behind()) {
                    return null;
                }
                place = null; // the ring dropped entries this follower still needs
                continue;
            }
            JournalRun current = run;
            if (current == null) {
                current = startRun();
                if (current == null) {
                    return null;
                }
            }
            ObjectNode json = read(current);
            if (json != null) {
                Entry entry = JournalEntryParser.entry(json);
                from = new JournalPosition.After(entry.cursor());
                return entry;
            }
            if (lease == null) {
                endedOnce = true; // a range read ends here; a follower asks again
                return null;
            }
            place = HandOver.place(lease.tail(), mark, from, matches);
        }
        return null;
    }

    /** The next ring entry for this follower; null when none (armed for the tail's next one) or behind. */
    private TailEntry fromRing() throws IOException {
        TailEntry entry = place.next();
        if (entry != null || place.behind()) {
            return entry;
        }
        wakeup.arm();
        entry = place.next(); // one the tail added just before arming woke nobody
        if (entry == null && !place.behind() && lease.tail().failure() != null) {
            throw lease.tail().failure();
        }
        return entry;
    }

    /** Starts a catch-up run from {@link #from}; a follower joins the tail first and marks its ring. */
    private JournalRun startRun() throws IOException {
        if (endedOnce && lease == null) {
            lease = joiner.join(wakeup);
            if (closed) { // closed from another thread while joining
                lease.close();
                return null;
            }
        }
        mark = lease == null ? null : lease.tail().mark();
        JournalRun started = JournalRun.start(command.read(from), from);
        run = started;
        runs++;
        if (closed) {
            discard(started);
            return null;
        }
        return started;
    }

    /** The run's next entry; null when it is done. */
    private ObjectNode read(JournalRun current) throws IOException {
        try {
            ObjectNode json = current.next();
            if (json == null) {
                discard(current);
            }
            return json;
        } catch (IOException e) {
            discard(current);
            if (closed) {
                return null;
            }
            throw e;
        }
    }

    private void discard(JournalRun current) throws IOException {
        if (run == current) {
            run = null;
        }
        current.close();
    }

    /** Wakes the caller whenever the shared tail may have new entries for this follower. */
    @Override
    public void onNewEntries(Runnable wake) {
        wakeup.callback(wake);
    }

    /** How many catch-up runs this reader started (tests check a follower in the ring starts none). */
    int runs() {
        return runs;
    }

    /** Whether this follower reads from the shared tail's ring now (tests). */
    boolean inRing() {
        return place != null;
    }

    /** The running catch-up journalctl, if any (tests check close kills it). */
    Optional<ProcessHandle> process() {
        JournalRun current = run;
        return current == null ? Optional.empty() : Optional.of(current.handle());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        JournalRun current = run;
        run = null;
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            JournalTails.Lease joined = lease;
            if (joined != null) {
                joined.close();
            }
        }
    }
}
