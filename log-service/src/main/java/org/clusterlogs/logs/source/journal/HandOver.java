package org.clusterlogs.logs.source.journal;

import java.io.IOException;

/**
 * Where in the shared tail's ring a follower goes on after catching up through journalctl.
 *
 * <p>The follower took a {@link JournalTail.Mark} before its last catch-up run started: the
 * ring's newest entry R, number S (for S = 0, R is the tail's base: the entry that was last
 * when the tail started, or the head of a journal that was empty). The run ended at X, the last
 * entry it returned (or the position it started from, when it returned none). The tail had
 * read R, so R was in the journal files before the run started; the run, which reads to the
 * end it finds, therefore returned every matching entry up to R. The ring continues the journal
 * right after R, in journalctl's order, without gaps. So:
 * <ul>
 *   <li>X is in the ring: the follower continues right after X, and the ring gives it what
 *       matches between X and R too. The run should have found nothing there, but a run can
 *       miss a whole file (journalctl lists the directory when it starts, and a listing taken
 *       while a file is renamed in rotation may show neither name; seen under load: a follower
 *       lost the entries of one write just before a rotation). The ring does not miss it.</li>
 *   <li>X is R or before it and older than the ring (which one extra journalctl run over the
 *       entries after R tells): the follower continues with ring entry S + 1, trusting the run
 *       to have found everything matching up to R.</li>
 *   <li>X is after R: the run returned every matching entry up to X, so the follower continues
 *       right after X: after its ring entry when the ring has it, else (the tail has not read X
 *       yet) with S + 1, skipping entries up to and including X once it comes.</li>
 * </ul>
 * When the ring has dropped entry S + 1 meanwhile, the follower catches up once more.
 *
 * <p>This takes journalctl's order to be the order entries were written, as it is for one
 * journald (one sequence number across its files). An entry written into an older file after
 * a newer file got entries can be passed by any cursor-based reader, journalctl -f included.
 */
final class HandOver {

    private HandOver() {
    }

    /**
     * The follower's place in the ring, or null when it must catch up again.
     *
     * @param reached where the catch-up run left the follower
     */
    static RingPlace place(JournalTail tail, JournalTail.Mark mark, JournalPosition reached, JournalMatches matches)
            throws IOException {
        EntryRing ring = tail.ring();
        long afterMark = mark.seq() + 1;
        if (ring.dropped(afterMark)) {
            return null;
        }
        String x = cursor(reached);
        long seen = x == null ? -1 : ring.find(x, 1);
        if (seen >= 0) {
            // a run from "at c" that returned nothing has not returned c itself
            return new RingPlace(ring, matches, reached instanceof JournalPosition.At ? seen : seen + 1, null);
        }
        if (x == null || x.equals(mark.cursor())) {
            return new RingPlace(ring, matches, afterMark, null);
        }
        // X is older than the ring, or the tail has not read it yet
        boolean ahead = mark.cursor() == null || tail.printsAfter(mark.cursor(), x);
        return new RingPlace(ring, matches, afterMark, ahead ? x : null);
    }

    /** The entry a position is next to, as journalctl prints it; null for the head. */
    private static String cursor(JournalPosition reached) {
        if (reached instanceof JournalPosition.After after) {
            return JournalCursors.canonical(after.cursor());
        }
        if (reached instanceof JournalPosition.At at) {
            // a run from "at c" that returned nothing: c is no newer than the mark, like X above
            // (and, in the ring, c itself is the next entry to look at)
            return JournalCursors.canonical(at.cursor());
        }
        return null;
    }
}
