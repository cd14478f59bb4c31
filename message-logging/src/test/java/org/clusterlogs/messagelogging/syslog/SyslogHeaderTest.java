package org.clusterlogs.messagelogging.syslog;

import org.clusterlogs.messagelogging.delivery.Framer;
import org.clusterlogs.messagelogging.policy.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bytes before a message, for each logLevel, and how records are framed. */
class SyslogHeaderTest {

    private static final long WHEN = Instant.parse("2023-03-20T09:24:39.039Z").toEpochMilli();
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @ParameterizedTest
    @CsvSource({"INFO, '<14>1 '", "ALERT, '<9>1 '", "WARN, '<12>1 '", "ERROR, '<11>1 '"})
    void headerBytesForEachLogLevel(LogLevel level, String pri) {
        String record = new SyslogHeader(level, "yyyy-MM-dd'T'HH:mm:ss.SSSZ", UTC, "mp-1", "Apigee-Edge")
                .format(WHEN, "Weather request for WOEID 2442047.");
        assertArrayEquals((pri + "2023-03-20T09:24:39.039+0000 mp-1 Apigee-Edge - - - Weather request for WOEID 2442047.")
                .getBytes(StandardCharsets.US_ASCII), record.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yy/MM/dd'T'HH:mm:ss.SSSZ|UTC|22/09/28T22:38:11.721+0000",
            "yyMMdd-HH:mm:ss.SSS|UTC|220928-22:38:11.721",
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXX|UTC|2022-09-28T22:38:11.721Z",
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXX|Asia/Kolkata|2022-09-29T04:08:11.721+05:30",
            "EEE, dd MMM yyyy HH:mm:ss z|UTC|Wed, 28 Sep 2022 22:38:11 UTC",
            "YYYY-ww u|UTC|2022-40 3"})
    void dateFormatHasSimpleDateFormatSemantics(String pattern, String zone, String timestamp) {
        long when = Instant.parse("2022-09-28T22:38:11.721Z").toEpochMilli();
        assertEquals("<14>1 " + timestamp + " h Apigee-Edge - - - m",
                new SyslogHeader(LogLevel.INFO, pattern, TimeZone.getTimeZone(zone), "h", "Apigee-Edge").format(when, "m"));
    }

    @Test
    void aTimestampKeptFromTheLastRecordIsUsedOnlyForTheSameMillisecond() {
        SyslogHeader header = new SyslogHeader(LogLevel.INFO, "HH:mm:ss.SSS", UTC, "h", "a");
        assertEquals("<14>1 09:24:39.039 h a - - - 1", header.format(WHEN, "1"));
        assertEquals("<14>1 09:24:39.039 h a - - - 2", header.format(WHEN, "2"));
        assertEquals("<14>1 09:24:39.040 h a - - - 3", header.format(WHEN + 1, "3"));
        assertEquals("<14>1 09:24:39.039 h a - - - 4", header.format(WHEN, "4"));
    }

    @Test
    void lfFramingEscapesEmbeddedLineBreaks() {
        assertArrayEquals("a\\nb é\n".getBytes(StandardCharsets.UTF_8), Framer.LF.frame("a\nb é"));
        assertArrayEquals("plain\n".getBytes(StandardCharsets.UTF_8), Framer.LF.frame("plain"));
    }

    @Test
    void octetCountingCountsBytesNotChars() {
        assertArrayEquals("6 a\nb é".getBytes(StandardCharsets.UTF_8), Framer.OCTET_COUNTING.frame("a\nb é"));
        assertArrayEquals("0 ".getBytes(StandardCharsets.UTF_8), Framer.OCTET_COUNTING.frame(""));
    }

    @Test
    void datagramsAreTheRecordAlone() {
        assertArrayEquals("a\nb".getBytes(StandardCharsets.UTF_8), Framer.NONE.frame("a\nb"));
    }
}
