package org.clusterlogs.discovery.merged;

import org.clusterlogs.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergedCursorTest {

    @Test
    void everySourcesCursorComesBack() {
        Map<String, String> cursors = new LinkedHashMap<>();
        cursors.put("nginx.1", "12");
        cursors.put("default.web-7d4b9.nginx", "opaque+/=cursor");
        cursors.put("ünïcode.task", "");
        String id = MergedCursor.encode(cursors);
        assertTrue(id.startsWith("m1."), id);
        assertTrue(id.substring(3).matches("[A-Za-z0-9_-]+"), "base64url without padding: " + id);
        MergedCursor decoded = MergedCursor.decode(id);
        assertEquals(3, decoded.size());
        cursors.forEach((task, cursor) -> assertEquals(cursor, decoded.cursorOf(task), task));
        assertNull(decoded.cursorOf("nginx.2"));
    }

    @Test
    void fiftySourcesWithFileCursorsStayWellUnderEightKibibytes() {
        Map<String, String> cursors = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            cursors.put("marathon-app-" + i + ".9f2c6a1e-4b7d-11ef-8d5a-0242ac11000" + (i % 10), Long.toString(1_000_000_000L + i * 7919L));
        }
        String id = MergedCursor.encode(cursors);
        assertTrue(id.length() < 1024, id.length() + " characters");
        assertEquals("1000007919", MergedCursor.decode(id).cursorOf("marathon-app-1.9f2c6a1e-4b7d-11ef-8d5a-0242ac110001"));
    }

    @Test
    void anEmptySetRoundTrips() {
        assertEquals(0, MergedCursor.decode(MergedCursor.encode(Map.of())).size());
    }

    @Test
    void aTamperedOrForeignIdIsBadCursor() {
        String id = MergedCursor.encode(Map.of("nginx.1", "12", "nginx.2", "40"));
        char[] chars = id.toCharArray();
        int middle = 3 + (chars.length - 3) / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        for (String bad : new String[] {new String(chars), id.substring(0, id.length() - 2), id + "AAAA", "m1.", "m1.!!",
                "m1." + "A".repeat(10), "m2.abc", "m1." + "A".repeat(MergedCursor.MAX_ENCODED_LENGTH)}) {
            ProblemException e = assertThrows(ProblemException.class, () -> MergedCursor.decode(bad), bad);
            assertEquals(400, e.status());
            assertEquals("BadCursor", e.code());
        }
    }
}
