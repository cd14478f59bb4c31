package org.clusterlogs.messagelogging.delivery;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The warning about dropped records, with the reference's text, at most once a minute per
 * destination: under overload every call drops a record, and a log line per drop would add an
 * overload of its own. The counters have the exact numbers.
 */
final class OverflowWarning {

    static final String TEXT = "Log message size exceeded. Increase the max message size setting";
    private static final Logger LOG = Logger.getLogger(OverflowWarning.class);
    private static final long INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();

    private final String destination;
    private final Clock clock;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

    OverflowWarning(String destination, Clock clock) {
        this.destination = destination;
        this.clock = clock;
    }

    /** Logs the warning unless it was logged less than a minute ago; answers whether it did. */
    boolean dropped(DropReason reason, DestinationMetrics metrics) {
        long now = clock.millis();
        long allowed = nextAllowed.get();
        if (now < allowed || !nextAllowed.compareAndSet(allowed, now + INTERVAL_MILLIS)) {
            return false;
        }
        LOG.warnf("%s (destination %s: a record was dropped, reason %s; dropped so far: %d queue full, %d oversize)",
                TEXT, destination, reason.tag(), metrics.dropped(DropReason.QUEUE_FULL), metrics.dropped(DropReason.OVERSIZE));
        return true;
    }
}
