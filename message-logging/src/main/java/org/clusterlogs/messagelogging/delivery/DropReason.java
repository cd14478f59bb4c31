package org.clusterlogs.messagelogging.delivery;

import java.util.Locale;

/** Why a record was not delivered: the {@code reason} tag of the dropped-records counter. */
public enum DropReason {
    /** The destination's queue was full: the newest record is dropped, the queued ones keep their order. */
    QUEUE_FULL,
    /** The rendered message was longer than the maximum record size (or a UDP datagram can carry). */
    OVERSIZE,
    /** Still queued when the destination was closed and its close timeout ran out. */
    CLOSED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
