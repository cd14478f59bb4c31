package org.clusterlogs.logs.source.search;

import org.clusterlogs.logs.source.BadParameterException;

import org.clusterlogs.common.problem.params.TimeRange;

import java.time.Instant;

/**
 * The {@code since} and {@code until} parameters: the entries whose time is at or after
 * {@code since} and before {@code until}, in nanoseconds since the epoch (pod log lines carry
 * nanoseconds; journal entries microseconds). An entry without a time is outside any bound.
 *
 * @param sinceNanos the first time in, or {@link Long#MIN_VALUE}
 * @param untilNanos the first time out, or {@link Long#MAX_VALUE}
 */
public record TimeBounds(long sinceNanos, long untilNanos) {

    public static final TimeBounds NONE = new TimeBounds(Long.MIN_VALUE, Long.MAX_VALUE);

    /**
     * @param since the parameter's value or null
     * @param until the parameter's value or null
     * @param now   the request's start: relative ages count back from it (once per request)
     * @throws BadParameterException for a malformed value or {@code since} after {@code until}
     */
    public static TimeBounds parse(String since, String until, Instant now) {
        TimeRange range;
        try {
            range = TimeRange.parse(since, until, now);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(e.getMessage());
        }
        long from = range.since().map(t -> nanos("since", since, t)).orElse(Long.MIN_VALUE);
        long to = range.until().map(t -> nanos("until", until, t)).orElse(Long.MAX_VALUE);
        return new TimeBounds(from, to);
    }

    /** Whether any bound is set. */
    public boolean bounded() {
        return sinceNanos != Long.MIN_VALUE || untilNanos != Long.MAX_VALUE;
    }

    public boolean hasUntil() {
        return untilNanos != Long.MAX_VALUE;
    }

    /** Whether no time lies within (since equal to until). */
    public boolean empty() {
        return sinceNanos >= untilNanos;
    }

    /** Whether an entry of this time (ns since the epoch, negative: none) is within. */
    public boolean contains(long nanos) {
        if (!bounded()) {
            return true;
        }
        return nanos >= 0 && nanos >= sinceNanos && nanos < untilNanos;
    }

    /** The same for a time in microseconds (-1: none). */
    public boolean containsMicros(long micros) {
        return !bounded() || micros >= 0 && contains(Math.multiplyExact(micros, 1000L));
    }

    private static long nanos(String name, String value, Instant t) {
        try {
            return Math.max(0, Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano()));
        } catch (ArithmeticException e) {
            throw new BadParameterException(name + " is too far from now, got '" + value + "'");
        }
    }
}
