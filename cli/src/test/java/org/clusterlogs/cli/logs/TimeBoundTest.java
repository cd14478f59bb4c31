package org.clusterlogs.cli.logs;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --since}/{@code --until}: the forms the logging API takes, an age turned into a time once. */
class TimeBoundTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void anAgeCountsBackFromNow() {
        assertEquals(Instant.parse("2026-11-30T09:50:00Z"), TimeBound.parse("10m", NOW));
        assertEquals(Instant.parse("2026-11-30T09:59:59.750Z"), TimeBound.parse("250ms", NOW));
        assertEquals(Instant.parse("2026-11-30T09:59:30Z"), TimeBound.parse("30s", NOW));
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), TimeBound.parse("2h", NOW));
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), TimeBound.parse("1d", NOW));
    }

    @Test
    void anRfc3339TimeIsTakenWithItsOffsetAndFraction() {
        assertEquals(Instant.parse("2026-11-30T10:02:00Z"), TimeBound.parse("2026-11-30T10:02:00Z", NOW));
        assertEquals(Instant.parse("2026-11-30T09:02:00Z"), TimeBound.parse("2026-11-30T10:02:00+01:00", NOW));
        assertEquals(Instant.parse("2026-11-30T10:02:00.123456Z"), TimeBound.parse("2026-11-30t10:02:00.123456z", NOW));
    }

    @Test
    void theServerIsSentUtc() {
        assertEquals("2026-11-30T09:02:00Z", TimeBound.format(TimeBound.parse("2026-11-30T10:02:00+01:00", NOW)));
        assertEquals("2026-11-30T10:02:00.500Z", TimeBound.format(Instant.parse("2026-11-30T10:02:00.5Z")));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsItTakes() {
        for (String wrong : new String[] {"10", "10 m", "-5m", "10w", "yesterday", "2026-11-30", "2026-11-30T10:02:00", ""}) {
            TypeConversionException refused = assertThrows(TypeConversionException.class, () -> TimeBound.parse(wrong, NOW), wrong);
            assertTrue(refused.getMessage().contains("RFC 3339") && refused.getMessage().contains("10m"), refused.getMessage());
        }
    }
}
