package org.clusterlogs.messagelogging.file;

import org.clusterlogs.messagelogging.policy.RotationUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Time rotation falls on wall-clock boundaries, whenever the service started. */
class RotationScheduleTest {

    @ParameterizedTest
    @CsvSource({
            "10, MINUTE, 2026-11-30T12:07:30Z, 2026-11-30T12:10:00Z",
            "10, MINUTE, 2026-11-30T12:10:00Z, 2026-11-30T12:20:00Z",
            "10, MINUTE, 2026-11-30T12:59:59Z, 2026-11-30T13:00:00Z",
            "7, MINUTE, 2026-11-30T12:57:00Z, 2026-11-30T13:00:00Z",
            "1, MINUTE, 2026-11-30T12:07:30.5Z, 2026-11-30T12:08:00Z",
            "15, SECOND, 2026-11-30T12:07:31Z, 2026-11-30T12:07:45Z",
            "2, HOUR, 2026-11-30T13:30:00Z, 2026-11-30T14:00:00Z",
            "5, HOUR, 2026-11-30T21:00:00Z, 2026-12-01T00:00:00Z",
            "1, DAY, 2026-11-30T13:30:00Z, 2026-12-01T00:00:00Z",
            "1, MONTH, 2026-11-30T13:30:00Z, 2026-12-01T00:00:00Z",
            "3, MONTH, 2026-11-30T13:30:00Z, 2027-01-01T00:00:00Z",
            "5, MONTH, 2026-11-30T13:30:00Z, 2027-01-01T00:00:00Z"})
    void nextBoundary(int frequency, RotationUnit unit, String now, String next) {
        assertEquals(Instant.parse(next), new RotationSchedule(frequency, unit).nextAfter(Instant.parse(now)));
    }
}
