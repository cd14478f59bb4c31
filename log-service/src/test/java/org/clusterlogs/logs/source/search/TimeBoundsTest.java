package org.clusterlogs.logs.source.search;

import org.clusterlogs.logs.source.BadParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeBoundsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static long nanos(String rfc3339) {
        Instant t = Instant.parse(rfc3339);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "2026-11-30T10:02:00Z,             2026-11-30T10:02:00Z",
        "2026-11-30T11:02:00+01:00,        2026-11-30T10:02:00Z",
        "2026-11-30T10:02:00.123456789Z,   2026-11-30T10:02:00.123456789Z",
        "10m,                              2026-11-30T09:50:00Z",
        "1500ms,                           2026-11-30T09:59:58.500Z",
        "30s,                              2026-11-30T09:59:30Z",
        "2h,                               2026-11-30T08:00:00Z",
        "1d,                               2026-11-29T10:00:00Z",
    })
    void parsesTimesAndAges(String value, String expected) {
        assertEquals(nanos(expected), TimeBounds.parse(value, null, NOW).sinceNanos());
        assertEquals(nanos(expected), TimeBounds.parse(null, value, NOW).untilNanos());
    }

    @Test
    void sinceIsInclusiveUntilExclusiveAndTimelessEntriesAreOut() {
        TimeBounds b = TimeBounds.parse("2026-11-30T10:00:00Z", "2026-11-30T10:00:01Z", NOW);
        assertTrue(b.contains(nanos("2026-11-30T10:00:00Z")));
        assertTrue(b.contains(nanos("2026-11-30T10:00:00.999999999Z")));
        assertFalse(b.contains(nanos("2026-11-30T10:00:01Z")));
        assertFalse(b.contains(nanos("2026-11-30T09:59:59.999999999Z")));
        assertFalse(b.contains(-1));
        assertTrue(b.containsMicros(nanos("2026-11-30T10:00:00Z") / 1000));
        assertTrue(TimeBounds.NONE.contains(-1), "no bounds: every entry, with or without a time");
    }

    @Test
    void malformedOrReversedIsABadParameterNamingIt() {
        assertTrue(assertThrows(BadParameterException.class, () -> TimeBounds.parse("yesterday", null, NOW))
                .getMessage().startsWith("since "));
        assertTrue(assertThrows(BadParameterException.class, () -> TimeBounds.parse(null, "10x", NOW))
                .getMessage().startsWith("until "));
        assertTrue(assertThrows(BadParameterException.class, () -> TimeBounds.parse("2026-11-30T10:00:00", null, NOW))
                .getMessage().contains("RFC 3339"), "a time without an offset is refused");
        assertTrue(assertThrows(BadParameterException.class, () -> TimeBounds.parse("1m", "2m", NOW))
                .getMessage().contains("is after until"));
        assertTrue(TimeBounds.parse("2026-11-30T10:00:00Z", "2026-11-30T10:00:00Z", NOW).empty());
    }
}
