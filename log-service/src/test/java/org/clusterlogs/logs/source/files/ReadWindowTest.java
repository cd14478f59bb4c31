package org.clusterlogs.logs.source.files;

import org.clusterlogs.logs.source.BadParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadWindowTest {

    @Test
    void noOffsetOrMinusOneAsksForTheSizeOnly() {
        assertTrue(ReadWindow.parse(null, null, 100).sizeOnly());
        assertTrue(ReadWindow.parse("-1", "5", 100).sizeOnly());
        assertFalse(ReadWindow.parse("0", null, 100).sizeOnly());
    }

    @ParameterizedTest(name = "offset={0} length={1} in a file of {2} -> {3} bytes")
    @CsvSource({
        "0,  ,   50,  50",
        "0,  -1, 50,  50",
        "0,  10, 50,  10",
        "45, 10, 50,  5",
        "50, 10, 50,  0",
        "90, 10, 50,  0",
        "0,  0,  50,  0",
        "0,  ,   500, 100",
        "0,  1000, 500, 100",
        "450, 1000, 500, 50",
    })
    void bytesToSendAreCappedAndNeverPastTheEnd(String offset, String length, long size, long expected) {
        assertEquals(expected, ReadWindow.parse(offset, length, 100).bytesIn(size));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-2", "abc", "", "1e3", "0x10", "1.5", "99999999999999999999", " 1", "-9223372036854775808"})
    void anythingButAnIntegerOfMinusOneOrMoreIsRefused(String bad) {
        assertThrows(BadParameterException.class, () -> ReadWindow.parse(bad, null, 100));
        assertThrows(BadParameterException.class, () -> ReadWindow.parse("0", bad, 100));
    }

    @Test
    void theLargestOffsetIsAcceptedAndReadsNothing() {
        ReadWindow w = ReadWindow.parse(Long.toString(Long.MAX_VALUE), null, 100);
        assertEquals(0, w.bytesIn(10));
    }
}
