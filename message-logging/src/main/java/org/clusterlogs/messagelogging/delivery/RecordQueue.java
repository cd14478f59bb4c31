package org.clusterlogs.messagelogging.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The records waiting for one destination's writer, held so that the garbage collector has no work
 * with them: each message's UTF-8 bytes in one circular byte array, its time and format in arrays
 * of primitives and long-lived references, all allocated once. A queue of record objects would
 * instead be copied from survivor space to survivor space at every young collection while a
 * syslog server is away, and then promoted and collected whole — pauses every API call of the
 * service meets. It is bounded twice: in records and in bytes, so large messages queued for a
 * dead server cannot exhaust the heap.
 *
 * <p>Any number of threads offer; one writer thread drains. The byte array starts small and
 * doubles up to the byte bound as the queue fills; it keeps its size afterwards.
 */
final class RecordQueue {

    private static final int INITIAL_BYTES = 64 * 1024;

    private final int maxRecords;
    private final int maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final long[] timestamps;
    private final RecordFormat[] formats;
    private final int[] lengths;
    private byte[] bytes;
    /** The slot of the oldest record, and how many there are. */
    private int head;
    private int count;
    /** Where the oldest record's bytes start, and how many bytes the records take. */
    private int byteHead;
    private int byteCount;
    /** The writer's place to join a record that wraps around the end of the byte array. */
    private byte[] joined = new byte[0];

    /**
     * @param maxRecords records it holds at most
     * @param maxBytes   message bytes it holds at most; also the longest message it can take
     */
    RecordQueue(int maxRecords, int maxBytes) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.timestamps = new long[maxRecords];
        this.formats = new RecordFormat[maxRecords];
        this.lengths = new int[maxRecords];
        this.bytes = new byte[Math.min(INITIAL_BYTES, maxBytes)];
    }

    /** Adds a record at the tail, never waiting; false when it would go over either bound. */
    boolean offer(long timestampMillis, byte[] message, RecordFormat format) {
        lock.lock();
        try {
            if (count == maxRecords || byteCount + message.length > maxBytes) {
                return false;
            }
            if (byteCount + message.length > bytes.length) {
                grow(byteCount + message.length);
            }
            int slot = (head + count) % maxRecords;
            timestamps[slot] = timestampMillis;
            formats[slot] = format;
            lengths[slot] = message.length;
            int at = (byteHead + byteCount) % bytes.length;
            int first = Math.min(message.length, bytes.length - at);
            System.arraycopy(message, 0, bytes, at, first);
            System.arraycopy(message, first, bytes, 0, message.length - first);
            byteCount += message.length;
            count++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A larger array, the records moved to its start: doubled until it holds {@code needed}. */
    private void grow(int needed) {
        int size = bytes.length;
        while (size < needed) {
            size = (int) Math.min((long) size * 2, maxBytes);
        }
        byte[] larger = new byte[size];
        int first = Math.min(byteCount, bytes.length - byteHead);
        System.arraycopy(bytes, byteHead, larger, 0, first);
        System.arraycopy(bytes, 0, larger, first, byteCount - first);
        bytes = larger;
        byteHead = 0;
    }

    /** Waits until a record is queued, at most the timeout; false when none came. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the oldest records to {@code batch}, in order: at most {@code maxCount}, and no more
     * than {@code maxBatchBytes} of messages unless the first alone is larger. Called by the
     * writer only: the records are decoded outside the lock (offers only ever write to free
     * space, so the bytes read stay as they are) and removed afterwards.
     *
     * @return how many were moved
     */
    int drainTo(List<QueuedRecord> batch, int maxCount, int maxBatchBytes) {
        byte[] snapshot;
        int start;
        int firstSlot;
        int n = 0;
        int taken = 0;
        lock.lock();
        try {
            snapshot = bytes;
            start = byteHead;
            firstSlot = head;
            while (n < Math.min(count, maxCount)) {
                int length = lengths[(head + n) % maxRecords];
                if (n > 0 && taken + length > maxBatchBytes) {
                    break;
                }
                taken += length;
                n++;
            }
        } finally {
            lock.unlock();
        }
        int at = start;
        for (int i = 0; i < n; i++) {
            int slot = (firstSlot + i) % maxRecords;
            batch.add(new QueuedRecord(timestamps[slot], decode(snapshot, at, lengths[slot]), formats[slot]));
            at = (at + lengths[slot]) % snapshot.length;
        }
        remove(n, taken);
        return n;
    }

    private String decode(byte[] ring, int at, int length) {
        if (at + length <= ring.length) {
            return new String(ring, at, length, StandardCharsets.UTF_8);
        }
        if (joined.length < length) {
            joined = new byte[length];
        }
        int first = ring.length - at;
        System.arraycopy(ring, at, joined, 0, first);
        System.arraycopy(ring, 0, joined, first, length - first);
        return new String(joined, 0, length, StandardCharsets.UTF_8);
    }

    /** Takes the oldest {@code n} records, {@code byteLength} bytes in all, out of the queue. */
    private void remove(int n, int byteLength) {
        lock.lock();
        try {
            for (int i = 0; i < n; i++) {
                formats[(head + i) % maxRecords] = null;
            }
            head = (head + n) % maxRecords;
            count -= n;
            byteHead = (byteHead + byteLength) % bytes.length;
            byteCount -= byteLength;
        } finally {
            lock.unlock();
        }
    }

    /** Records waiting now. */
    int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Drops every waiting record; returns how many there were. */
    int clear() {
        lock.lock();
        try {
            int dropped = count;
            remove(count, byteCount);
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
