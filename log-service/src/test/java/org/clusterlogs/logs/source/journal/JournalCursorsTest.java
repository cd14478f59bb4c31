package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.BadCursorException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalCursorsTest {

    static final String CURSOR =
            "s=cd37ab2a15774a60a60364d32d18d44b;i=4;b=0123456789abcdef0123456789abcdef;m=f51e0;t=60a24185b4900;x=7ccbf98553e03c16";

    @Test
    void acceptsJournaldCursors() {
        assertDoesNotThrow(() -> JournalCursors.validate(CURSOR));
        assertDoesNotThrow(() -> JournalCursors.validate(CURSOR.replace(";i=4;", ";i=ffffffffffffffff;")));
    }

    @Test
    void refusesEverythingElse() {
        for (String bad : new String[]{null, "", "END", CURSOR.replace(";m=", ";n="), CURSOR.replace(";t=60a", ";t=60g"),
                CURSOR.replace(";x=", ";x"), CURSOR.replace(";", ","), CURSOR + ";", CURSOR.replace(";i=4;", ";i=+4;"),
                CURSOR.replace(";i=4;", ";i=-4;"), CURSOR.replace("s=cd", "s=c")}) {
            assertThrows(BadCursorException.class, () -> JournalCursors.validate(bad), bad);
        }
    }

    @Test
    void comparesByValue() {
        assertTrue(JournalCursors.sameEntry(CURSOR, CURSOR.replace(";i=4;", ";i=0004;").replace("s=cd", "s=CD")));
        assertFalse(JournalCursors.sameEntry(CURSOR, CURSOR.replace(";i=4;", ";i=5;")));
        assertFalse(JournalCursors.sameEntry(CURSOR, CURSOR.replace(";x=7c", ";x=7d")));
    }

    @Test
    void canonicalIsHowJournalctlPrintsIt() {
        assertEquals(CURSOR, JournalCursors.canonical(CURSOR));
        assertEquals(CURSOR, JournalCursors.canonical(CURSOR.replace(";i=4;", ";i=0004;").replace("s=cd", "s=CD")
                .replace(";t=60a", ";t=060A")));
    }
}
