package org.clusterlogs.logs.source.journal;

/**
 * The shared tail's recent entries, numbered 1, 2, … in the order journalctl printed them. It
 * keeps at most {@code capacity} entries and about {@code maxBytes} of their data; older
 * entries are dropped, never a follower's memory: a follower that still needed a dropped
 * entry reads it again through journalctl. One writer (the tail), any number of readers.
 */
final class EntryRing {

    private final TailEntry[] slots;
    private final long maxBytes;
    /** The oldest kept sequence number; {@code newest + 1} when nothing is kept. */
    private long oldest = 1;
    private long newest;
    private long bytes;

    EntryRing(int capacity, long maxBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.slots = new TailEntry[capacity];
        this.maxBytes = maxBytes;
    }

    /** Adds the next entry (its sequence number must be {@link #newest()} + 1). */
    synchronized void add(TailEntry entry) {
        if (entry.seq() != newest + 1) {
            throw new IllegalArgumentException("entry " + entry.seq() + " does not follow " + newest);
        }
        if (newest - oldest + 1 == slots.length) {
            drop();
        }
        slots[slot(entry.seq())] = entry;
        newest = entry.seq();
        bytes += entry.bytes();
        while (bytes > maxBytes && oldest < newest) {
            drop();
        }
    }

    /** The sequence number of the newest entry; 0 before the first. */
    synchronized long newest() {
        return newest;
    }

    /** The newest entry, or null before the first. */
    synchronized TailEntry newestEntry() {
        return newest == 0 ? null : slots[slot(newest)];
    }

    /** Whether entry {@code seq} was added once but is kept no longer. */
    synchronized boolean dropped(long seq) {
        return seq < oldest;
    }

    /** Whether entry {@code seq} was added and is still kept. */
    synchronized boolean keeps(long seq) {
        return seq >= oldest && seq <= newest;
    }

    /**
     * Entry {@code seq}, or null when it is not (or no longer) kept; {@link #keeps} and
     * {@link #newest} tell which.
     */
    synchronized TailEntry get(long seq) {
        return keeps(seq) ? slots[slot(seq)] : null;
    }

    /**
     * The newest kept entry with this cursor (as journalctl prints it) at or after {@code from},
     * searching backwards; its sequence number, or -1 when none.
     */
    synchronized long find(String cursor, long from) {
        for (long seq = newest; seq >= Math.max(from, oldest); seq--) {
            if (slots[slot(seq)].entry().cursor().equals(cursor)) {
                return seq;
            }
        }
        return -1;
    }

    private void drop() {
        int s = slot(oldest);
        bytes -= slots[s].bytes();
        slots[s] = null;
        oldest++;
    }

    private int slot(long seq) {
        return (int) (seq % slots.length);
    }
}
