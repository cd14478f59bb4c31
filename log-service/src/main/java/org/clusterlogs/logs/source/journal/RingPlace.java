package org.clusterlogs.logs.source.journal;

/**
 * One follower's place in its shared tail's ring: the next entry to look at, its matches, and
 * the entry up to which it must skip (it read those through journalctl already, see
 * {@link HandOver}). Each follower moves at its own pace; one the ring left behind is told so
 * and catches up through journalctl.
 */
final class RingPlace {

    private final EntryRing ring;
    private final JournalMatches matches;
    private long next;
    private String skipThrough;
    private boolean behind;

    /**
     * @param next        the first ring entry to look at
     * @param skipThrough a cursor as journalctl prints it: entries up to and including it are
     *                    skipped; null to skip none
     */
    RingPlace(EntryRing ring, JournalMatches matches, long next, String skipThrough) {
        this.ring = ring;
        this.matches = matches;
        this.next = next;
        this.skipThrough = skipThrough;
    }

    /** The next entry this follower's matches accept; null when there is none yet, or when {@link #behind()}. */
    TailEntry next() {
        while (next <= ring.newest()) {
            TailEntry e = ring.get(next);
            if (e == null) {
                behind = true;
                return null;
            }
            next++;
            if (skipThrough != null) {
                if (e.cursor().equals(skipThrough)) {
                    skipThrough = null;
                }
                continue;
            }
            if (matches.accepts(e.json())) {
                return e;
            }
        }
        return null;
    }

    /** Whether the ring dropped an entry this follower had not looked at yet. */
    boolean behind() {
        return behind;
    }
}
