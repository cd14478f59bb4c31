package org.clusterlogs.common.problem.params;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time given as a request parameter ({@code since}, {@code until}): an RFC 3339 time
 * ({@code 2026-11-30T10:02:00Z}, {@code 2026-11-30T11:02:00.5+01:00}) or an age counted back from
 * the request's start ({@code 10m}: {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}).
 * log-service reads it for every source, and discovery-service's merged stream turns an age into
 * a time once, so that every node and every reconnection of a long follow means the same instant.
 */
public final class TimeParameter {

    private static final Pattern AGE = Pattern.compile("([0-9]{1,12})(ms|s|m|h|d)");

    private TimeParameter() {
    }

    /**
     * @param name  the parameter's name, for the message
     * @param value its value
     * @param now   the request's start
     * @throws IllegalArgumentException saying what the value must be
     */
    public static Instant parse(String name, String value, Instant now) {
        Matcher age = AGE.matcher(value);
        try {
            if (!age.matches()) {
                return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            long n = Long.parseLong(age.group(1));
            long millis = switch (age.group(2)) {
                case "ms" -> n;
                case "s" -> Math.multiplyExact(n, 1000L);
                case "m" -> Math.multiplyExact(n, 60_000L);
                case "h" -> Math.multiplyExact(n, 3_600_000L);
                default -> Math.multiplyExact(n, 86_400_000L);
            };
            return now.minusMillis(millis);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 time (2026-11-30T10:02:00Z, "
                    + "2026-11-30T11:02:00.5+01:00) or an age such as 10m (ms, s, m, h, d), got '" + value + "'");
        }
    }
}
