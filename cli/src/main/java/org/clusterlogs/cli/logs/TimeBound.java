package org.clusterlogs.cli.logs;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --since} or {@code --until} value: an RFC 3339 time ({@code 2026-11-30T10:02:00Z},
 * {@code …+01:00}, fractional seconds allowed) or an age ({@code 10m}: now minus ten minutes;
 * {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}). An age is turned into a time here,
 * once, when the command starts, and the server is sent that time: a follow that reconnects
 * an hour later must not move its lower bound past the lines written while it was away.
 */
public final class TimeBound implements ITypeConverter<Instant> {

    private static final Pattern AGE = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    @Override
    public Instant convert(String value) {
        return parse(value, Instant.now());
    }

    /** {@code text} as an instant, an age counted back from {@code now}. */
    static Instant parse(String text, Instant now) {
        Matcher age = AGE.matcher(text);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            Duration duration = switch (age.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return now.minus(duration);
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is neither an RFC 3339 time (2026-11-30T10:02:00Z) "
                    + "nor an age such as 10m (ms, s, m, h, d)");
        }
    }

    /** The instant as the logging API's {@code since}/{@code until} take it (RFC 3339, UTC). */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
