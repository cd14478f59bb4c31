package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.search.Grep;
import org.clusterlogs.logs.source.search.TimeBounds;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.clusterlogs.logs.source.journal.JournalSourceTest.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code grep} and {@code since}/{@code until} on a real journal read through journalctl: the
 * bounds to the entry (an entry exactly at since is in, exactly at until out), positioning
 * within the bounded set (a follower with grep: JournalFollowTest).
 */
@Timeout(120)
class JournalSearchTest {

    @TempDir
    Path tmp;

    /** Entry i has the label Ei and the time {@link JournalFixture#realtimeMicros(int) realtimeMicros(i)}. */
    private JournalFixture journal() throws IOException {
        return JournalFixture.create(tmp.resolve("j"))
                .entry(e("E0", "boot ok", "a.service"))
                .entry(e("E1", "ERROR disk", "a.service"))
                .entry(e("E2", "request 1", "b.service"))
                .entry(e("E3", "ERROR net", "b.service"))
                .entry(e("E4", "ERROR disk again", "a.service"))
                .entry(e("E5", "done", "a.service"))
                .write();
    }

    private static Map<String, String> e(String label, String message, String unit) {
        return Map.of("LABEL", label, "MESSAGE", message, "UNIT", unit);
    }

    private static long at(int index) {
        return JournalFixture.realtimeMicros(index) * 1000;
    }

    private JournalSource source(JournalFixture journal, String unit, String grep, TimeBounds time) {
        FieldFilter filter = FieldFilter.none().searching(Grep.parse(grep), time);
        return new JournalSource(JournalFixture.JOURNALCTL, journal.dir(), unit, filter);
    }

    @Test
    void sinceIsInclusiveAndUntilExclusiveToTheEntry() throws IOException {
        JournalFixture journal = journal();
        assertEquals(List.of("E2", "E3"), request(source(journal, null, null, new TimeBounds(at(2), at(4))), null, 0));
        assertEquals(List.of("E2", "E3"),
                request(source(journal, null, null, new TimeBounds(at(2) - 1000, at(4) - 1000)), null, 0),
                "one µs before E2 takes E2; one µs before E4 leaves E4 out");
        assertEquals(List.of("E3"), request(source(journal, null, null, new TimeBounds(at(2) + 1000, at(4))), null, 0));
        assertEquals(List.of("E4", "E5"), request(source(journal, "a.service", null, new TimeBounds(at(2), Long.MAX_VALUE)), null, 0));
        assertEquals(List.of(), request(source(journal, null, null, new TimeBounds(at(3), at(3))), null, 0));
    }

    @Test
    void grepOnTheWholeJournalAndAUnit() throws IOException {
        JournalFixture journal = journal();
        assertEquals(List.of("E1", "E3", "E4"), request(source(journal, null, "ERROR", TimeBounds.NONE), null, 0));
        assertEquals(List.of("E1", "E4"), request(source(journal, "a.service", "ERROR", TimeBounds.NONE), null, 0));
        assertEquals(List.of("E1", "E4"), request(source(journal, null, "ERROR disk", TimeBounds.NONE), null, 0));
        assertEquals(List.of("E2"), request(source(journal, null, "^req[a-z]+ [0-9]$", TimeBounds.NONE), null, 0));
        assertEquals(List.of("E3"), request(source(journal, null, "ERROR", new TimeBounds(at(2), at(4))), null, 0));
    }

    @Test
    void positioningCountsOnlyTheBoundedSet() throws IOException {
        JournalFixture journal = journal();
        List<String> cursors = journal.cursors();
        JournalSource errors = source(journal, null, "ERROR", TimeBounds.NONE);
        assertEquals(List.of("E3", "E4"), request(errors, "END", -2));
        assertEquals(List.of("E1", "E3", "E4"), request(errors, "END", -10));
        assertEquals(List.of("E3", "E4"), request(errors, null, 1));
        assertEquals(List.of("E3", "E4"), request(errors, cursors.get(4), -2),
                "two back from E4's cursor: E3 and E4 (E4 is the cursor's own entry)");
        assertEquals(List.of("E4"), request(errors, cursors.get(3), 0), "after E3");
        JournalSource window = source(journal, null, null, new TimeBounds(at(1), at(5)));
        assertEquals(List.of("E3", "E4"), request(window, "END", -2));
    }
}
