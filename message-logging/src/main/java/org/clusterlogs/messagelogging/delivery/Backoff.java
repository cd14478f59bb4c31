package org.clusterlogs.messagelogging.delivery;

import java.time.Duration;

/** Exponential back-off between delivery attempts: initial, doubled each failure, capped; reset by a success. */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = initialMillis;
    }

    /** The wait before the next attempt; doubles the one after it. */
    long next() {
        long wait = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return wait;
    }

    void reset() {
        nextMillis = initialMillis;
    }
}
