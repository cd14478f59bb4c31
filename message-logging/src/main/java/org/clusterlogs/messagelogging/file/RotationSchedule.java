package org.clusterlogs.messagelogging.file;

import org.clusterlogs.messagelogging.policy.RotationUnit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The time trigger: rotations at the wall-clock boundaries of the interval, in UTC, as cron would
 * place them — every 10 minutes means :00, :10, :20..., every 2 hours means 00:00, 02:00...,
 * every day means midnight, every month the first of the month — whenever the service started.
 * Multiples count from the start of the enclosing unit (the hour for minutes, the day for hours,
 * the year for months; days and seconds from the epoch), so boundaries are stable across restarts.
 */
final class RotationSchedule {

    private final int frequency;
    private final RotationUnit unit;

    RotationSchedule(int frequency, RotationUnit unit) {
        this.frequency = frequency;
        this.unit = unit;
    }

    /** The first boundary strictly after {@code now}. */
    Instant nextAfter(Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        ZonedDateTime next = switch (unit) {
            case SECOND -> stepFrom(t.truncatedTo(ChronoUnit.SECONDS), t.toEpochSecond(), ChronoUnit.SECONDS);
            case MINUTE -> earliest(stepFrom(t.truncatedTo(ChronoUnit.MINUTES), t.getMinute(), ChronoUnit.MINUTES),
                    t.truncatedTo(ChronoUnit.HOURS).plusHours(1));
            case HOUR -> earliest(stepFrom(t.truncatedTo(ChronoUnit.HOURS), t.getHour(), ChronoUnit.HOURS),
                    t.truncatedTo(ChronoUnit.DAYS).plusDays(1));
            case DAY -> stepFrom(t.truncatedTo(ChronoUnit.DAYS), t.toLocalDate().toEpochDay(), ChronoUnit.DAYS);
            case MONTH -> earliest(stepFrom(t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1), t.getMonthValue() - 1L,
                    ChronoUnit.MONTHS), t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).plusYears(1));
        };
        return next.toInstant();
    }

    /** A frequency that does not divide the enclosing unit restarts with it (every 7 minutes: ..., :56, :00). */
    private static ZonedDateTime earliest(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** From the start of the current unit, forward to the next multiple of the frequency. */
    private ZonedDateTime stepFrom(ZonedDateTime unitStart, long index, ChronoUnit step) {
        long ahead = frequency - Math.floorMod(index, (long) frequency);
        return unitStart.plus(ahead, step);
    }
}
