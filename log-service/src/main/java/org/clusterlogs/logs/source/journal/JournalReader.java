package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads a journal view forward from a position: a range read, or a follower.
 *
 * <p>It first catches up with journalctl runs of its own, filtered by the view's matches so
 * that journalctl's field indexes do the work; a range read ends when its first run ends
 * ({@code null}). A reader asked again after that, or given {@link #onNewEntries}, is a
 * follower: it joins the directory's shared {@link JournalTail}, takes a {@link JournalTail.Mark
 * mark} of the tail's ring, runs journalctl once more from its last entry, and then reads the
 * ring from where {@link HandOver} says, keeping the entries its matches accept.
 *
 * <p>Invariant: the reader has returned, in journalctl's order, exactly the entries of its view
 * up to and including its last one ({@code from}). A catch-up run keeps it (it starts after
 * {@code from}); reading the ring keeps it because the ring holds the whole journal without
 * gaps and {@link JournalMatches#accepts} decides as journalctl's matches do; the hand-over
 * keeps it because the follower goes on in the ring right after {@code from} when the ring
 * holds it, and else the mark was taken before the last run started, so that run returned
 * every matching entry up to the marked one, and the ring continues right after that entry
 * (see {@link HandOver}). A follower the ring left
 * behind (a slow client) runs journalctl again from {@code from} and hands over anew, so a
 * follower never holds more than its place in the shared ring.
 *
 * <p>A catch-up run can miss a whole journal file: journalctl lists the directory when it
 * starts, and a listing taken while journald renames a file in rotation may show neither name
 * (seen under load: a follower lost the 50 entries of one file). The hand-over therefore
 * happens only after a run that returned nothing: a run that returned entries is followed by
 * one more from its last entry, under a new mark, and a file the first run missed is read then.
 *
 * <p>A follower in the ring holds no process and no thread; the tail wakes it through
 * {@link #onNewEntries}.
 *
 * <p>The search ({@code grep}, {@code since}/{@code until}) is decided here on each entry of the
 * view, from a run or from the ring alike; an entry it refuses moves the reader past it all the
 * same, so the invariant holds for the view and only the entries the search accepts are returned.
 */
final class JournalReader implements EntryReader {

    /** Joins the shared tail of the reader's journal directory. */
    @FunctionalInterface
    interface TailJoiner {
        JournalTails.Lease join(Wakeup wakeup) throws IOException;
    }

    private final JournalctlCommand command;
    private final JournalMatches matches;
    private final FieldFilter search;
    private final TailJoiner joiner;
    private final Wakeup wakeup;
    /** After the last entry returned: where a catch-up run starts. */
    private JournalPosition from;
    private volatile JournalRun run;
    /** Set by a call after the first end, or by {@link #onNewEntries}: join the tail before the next run. */
    private volatile boolean follows;
    private volatile JournalTails.Lease lease;
    private JournalTail.Mark mark;
    private volatile RingPlace place;
    private int runs;
    /** Whether the current catch-up run returned an entry. */
    private boolean runReturned;
    private volatile boolean closed;

    JournalReader(JournalctlCommand command, JournalMatches matches, FieldFilter search, JournalPosition from,
                  TailJoiner joiner) {
        this.command = command;
        this.matches = matches;
        this.search = search;
        this.from = from;
        this.joiner = joiner;
        this.wakeup = new Wakeup(matches);
    }

    @Override
    public Entry next() throws IOException {
        while (!closed) {
            if (place != null) {
                TailEntry entry = fromRing();
                if (entry != null) {
                    from = new JournalPosition.After(entry.cursor());
                    if (search.searchAccepts(entry.entry())) {
                        return entry.entry();
                    }
                    continue;
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
                runReturned = true;
                if (search.searchAccepts(entry)) {
                    return entry;
                }
                continue;
            }
            if (closed) {
                return null;
            }
            if (lease == null) {
                if (!follows) {
                    follows = true; // a range read ends here; a follower asks again
                    return null;
                }
                continue; // the next run joins the tail first
            }
            if (runReturned) {
                continue; // hand over only after a run that found nothing more (see the class comment)
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
        IOException failure = lease.tail().failure();
        if (entry == null && !place.behind() && failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        return entry;
    }

    /** Starts a catch-up run from {@link #from}; a follower joins the tail first and marks its ring. */
    private JournalRun startRun() throws IOException {
        if (follows && lease == null) {
            lease = joiner.join(wakeup);
            if (closed) { // closed from another thread while joining
                lease.close();
                return null;
            }
        }
        mark = lease == null ? null : lease.tail().mark();
        runReturned = false;
        JournalRun started = JournalRun.entries(command.read(from), from,
                c -> command.read(new JournalPosition.At(c)));
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

    /** Makes this reader a follower, woken whenever the shared tail may have new entries for it. */
    @Override
    public void onNewEntries(Runnable wake) {
        follows = true;
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
