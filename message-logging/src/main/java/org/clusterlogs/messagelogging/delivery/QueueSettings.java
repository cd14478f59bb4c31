package org.clusterlogs.messagelogging.delivery;

import java.time.Duration;

/**
 * How a destination buffers and retries.
 *
 * @param capacity       records a destination holds before it drops the newest
 * @param capacityBytes  message bytes (UTF-8) a destination holds before it drops the newest
 * @param maxRecordBytes a longer rendered message (in UTF-8) is dropped when offered
 * @param initialBackoff the wait after the first failure; doubled after each further one
 * @param maxBackoff     the longest wait between two attempts
 * @param closeTimeout   how long closing waits for the queue to drain before dropping what is left
 * @param batchDelay     how long the writer, woken by a record, waits for more to send with it (zero: none)
 */
public record QueueSettings(int capacity, int capacityBytes, int maxRecordBytes, Duration initialBackoff, Duration maxBackoff,
                            Duration closeTimeout, Duration batchDelay) {

    public QueueSettings {
        if (capacity < 1 || maxRecordBytes < 1) {
            throw new IllegalArgumentException("capacity and record size must be positive");
        }
        if (capacityBytes < maxRecordBytes) {
            throw new IllegalArgumentException("the queue's bytes (" + capacityBytes
                    + ") must hold at least one record of the largest size (" + maxRecordBytes + ")");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("back-off: 0 < initial <= max");
        }
        if (batchDelay.isNegative()) {
            throw new IllegalArgumentException("batch delay: not negative");
        }
    }
}
