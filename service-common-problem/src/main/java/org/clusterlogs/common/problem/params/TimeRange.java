package org.clusterlogs.common.problem.params;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code since} and {@code until} request parameters as times: each an RFC 3339 time
 * ({@code 2026-11-30T10:02:00Z}, {@code 2026-11-30T11:02:00.5+01:00}) or an age counted back from
 * the request's start ({@code 10m}: {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}), and
 * {@code since} not after {@code until}. log-service reads them for every source, and
 * discovery-service's merged stream turns an age into a time once, so that every node and every
 * reconnection of a long follow means the same instant.
 *
 * @param since the first time in, when given
 * @param until the first time out, when given
 */
public record TimeRange(Optional<Instant> since, Optional<Instant> until) {

    private static final Pattern AGE = Pattern.compile("([0-9]{1,12})(ms|s|m|h|d)");

    /**
     * @param since the parameter's value, or null or empty
     * @param until the parameter's value, or null or empty
     * @param now   the request's start: ages count back from it
     * @throws IllegalArgumentException saying what a value must be, or that since is after until
     */
    public static TimeRange parse(String since, String until, Instant now) {
        Optional<Instant> from = time("since", since, now);
        Optional<Instant> to = time("until", until, now);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
        }
        return new TimeRange(from, to);
    }

    private static Optional<Instant> time(String name, String value, Instant now) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Matcher age = AGE.matcher(value);
        try {
            if (!age.matches()) {
                return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            }
            long n = Long.parseLong(age.group(1));
            long millis = switch (age.group(2)) {
                case "ms" -> n;
                case "s" -> Math.multiplyExact(n, 1000L);
                case "m" -> Math.multiplyExact(n, 60_000L);
                case "h" -> Math.multiplyExact(n, 3_600_000L);
                default -> Math.multiplyExact(n, 86_400_000L);
            };
            return Optional.of(now.minusMillis(millis));
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 time (2026-11-30T10:02:00Z, "
                    + "2026-11-30T11:02:00.5+01:00) or an age such as 10m (ms, s, m, h, d), got '" + value + "'");
        }
    }
}
