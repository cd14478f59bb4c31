package org.clusterlogs.logs.read;

import org.clusterlogs.logs.source.BadParameterException;
import org.clusterlogs.logs.source.FieldFilter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Malformed parameters are the project's 400 exception, never a bare IllegalArgumentException (a 500). */
class ReadParamsTest {

    @Test
    void malformedNumbersAndLimitsAreBadParameters() {
        assertEquals("skip must be an integer, got 'x'",
                assertThrows(BadParameterException.class, () -> ReadParams.parse(null, "x", null, null)).getMessage());
        assertEquals(400, assertThrows(BadParameterException.class,
                () -> ReadParams.parse(null, null, "-1", null)).status());
    }

    @Test
    void malformedFiltersAreBadParameters() {
        BadParameterException e = assertThrows(BadParameterException.class, () -> FieldFilter.parse(List.of("a-b:c")));
        assertEquals("BadParameter", e.code());
        assertThrows(BadParameterException.class, () -> FieldFilter.parse(List.of("nocolon")));
    }
}
