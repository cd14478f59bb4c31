package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.BadCursorException;
import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.Position;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Positioning and filtering on a real journal, E1…E7, read through journalctl. The requests
 * are made the way the HTTP layer makes them (see {@link #request}), and the expectations are
 * docs/logging-api.md's: exact skips, {@code cursor=c&skip=-k} ends its backward step at c.
 */
@Timeout(60)
class JournalSourceTest {

    @TempDir
    static Path shared;
    static JournalFixture journal;
    /** Cursors of E1…E7: {@code c(1)} is E1's. */
    static List<String> cursors;

    @BeforeAll
    static void writeJournal() throws IOException {
        journal = JournalFixture.create(shared.resolve("journal"))
                .entry(Map.of("LABEL", "E1", "MESSAGE", "E1 message", "UNIT", "a.service", "PRIORITY", "6"))
                .entry(Map.of("LABEL", "E2", "MESSAGE", "E2 message", "_SYSTEMD_UNIT", "a.service", "PRIORITY", "3"))
                .entry(Map.of("LABEL", "E3", "MESSAGE", "E3 message", "UNIT", "b.service", "PRIORITY", "6"))
                .entry(Map.of("LABEL", "E4", "MESSAGE", "E4 message", "_SYSTEMD_UNIT", "a.service", "PRIORITY", "6"))
                .entry(Map.of("LABEL", "E5", "MESSAGE", "E5 message", "UNIT", "a.service", "PRIORITY", "4"))
                .entry(Map.of("LABEL", "E6", "MESSAGE", "E6 message", "_SYSTEMD_UNIT", "d.service", "PRIORITY", "3"))
                .entry(Map.of("LABEL", "E7", "PRIORITY", "3"))
                .write();
        cursors = journal.cursors();
        assertEquals(7, cursors.size());
    }

    static String c(int n) {
        return cursors.get(n - 1);
    }

    static JournalSource whole() {
        return source(null);
    }

    static JournalSource source(String unit, String... filters) {
        return new JournalSource(JournalFixture.JOURNALCTL, journal.dir(), unit, FieldFilter.parse(List.of(filters)));
    }

    /**
     * A range request as the HTTP layer serves it: cursor (none, BEG, END or a cursor), then
     * skip (forward by reading, backward with back(); without a cursor from the tail), then
     * everything up to the current end.
     */
    static List<String> request(JournalSource source, String cursor, long skip) throws IOException {
        Position p;
        if (cursor == null || cursor.equals("BEG")) {
            p = source.head();
        } else if (cursor.equals("END")) {
            p = source.tail();
        } else {
            p = source.after(cursor);
        }
        if (skip < 0) {
            p = source.back(cursor == null ? source.tail() : p, -skip);
        }
        try (EntryReader reader = source.open(p)) {
            for (long i = 0; i < skip; i++) {
                if (reader.next() == null) {
                    break;
                }
            }
            return labels(reader);
        }
    }

    static List<String> labels(EntryReader reader) throws IOException {
        List<String> labels = new ArrayList<>();
        for (Entry e = reader.next(); e != null; e = reader.next()) {
            labels.add(e.fields().get("LABEL"));
        }
        return labels;
    }

    static List<String> all() {
        return List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7");
    }

    @Test
    void noParametersReadsEverything() throws IOException {
        assertEquals(all(), request(whole(), null, 0));
    }

    @Test
    void skipForwardSkipsExactlyK() throws IOException {
        assertEquals(List.of("E2", "E3", "E4", "E5", "E6", "E7"), request(whole(), null, 1));
        assertEquals(List.of("E4", "E5", "E6", "E7"), request(whole(), null, 3));
        assertEquals(List.of(), request(whole(), null, 7));
        assertEquals(List.of(), request(whole(), null, 100));
    }

    @Test
    void skipBackwardWithoutCursorCountsFromTheTail() throws IOException {
        assertEquals(List.of("E7"), request(whole(), null, -1));
        assertEquals(List.of("E6", "E7"), request(whole(), null, -2));
        assertEquals(all(), request(whole(), null, -7));
        assertEquals(all(), request(whole(), null, -100));
        assertEquals(all(), request(whole(), null, -Long.MAX_VALUE));
    }

    @Test
    void begIsTheHeadAndEndHasNothingAfterIt() throws IOException {
        assertEquals(all(), request(whole(), "BEG", 0));
        assertEquals(List.of(), request(whole(), "END", 0));
        assertEquals(List.of("E6", "E7"), request(whole(), "END", -2));
    }

    @Test
    void cursorIsExclusive() throws IOException {
        assertEquals(List.of("E5", "E6", "E7"), request(whole(), c(4), 0));
        assertEquals(List.of("E2", "E3", "E4", "E5", "E6", "E7"), request(whole(), c(1), 0));
        assertEquals(List.of(), request(whole(), c(7), 0));
    }

    @Test
    void cursorThenSkipForward() throws IOException {
        assertEquals(List.of("E6", "E7"), request(whole(), c(3), 2));
        assertEquals(List.of("E5", "E6", "E7"), request(whole(), c(3), 1));
        assertEquals(List.of(), request(whole(), c(3), 4));
    }

    @Test
    void cursorThenSkipBackEndsAtTheCursorEntry() throws IOException {
        // the last 2 entries up to and including E4 are E3, E4 (docs/logging-api.md, "Positioning")
        assertEquals(List.of("E3", "E4", "E5", "E6", "E7"), request(whole(), c(4), -2));
        assertEquals(List.of("E4", "E5", "E6", "E7"), request(whole(), c(4), -1));
        assertEquals(all(), request(whole(), c(2), -2));
        assertEquals(all(), request(whole(), c(2), -5));
        assertEquals(List.of("E7"), request(whole(), c(7), -1));
    }

    @Test
    void backFromEveryKindOfPosition() throws IOException {
        JournalSource s = whole();
        Position atE5 = s.back(s.after(c(5)), 1);
        assertEquals(new JournalPosition.At(c(5)), atE5);
        Position atE3 = s.back(atE5, 2);
        assertEquals(new JournalPosition.At(c(3)), atE3);
        assertEquals(new JournalPosition.At(c(1)), s.back(atE3, 2));
        assertEquals(s.head(), s.back(atE3, 3));
        assertEquals(s.head(), s.back(atE3, 50));
        assertEquals(s.head(), s.back(s.head(), 3));
        assertEquals(atE5, s.back(atE5, 0));
        try (EntryReader r = s.open(atE3)) {
            assertEquals(List.of("E3", "E4", "E5", "E6", "E7"), labels(r));
        }
        assertEquals(new JournalPosition.After(c(7)), s.tail());
    }

    @Test
    void unitMatchesUnitOrSystemdUnit() throws IOException {
        assertEquals(List.of("E1", "E2", "E4", "E5"), request(source("a.service"), null, 0));
        assertEquals(List.of("E6"), request(source("d.service"), null, 0));
        assertEquals(List.of("E3"), request(source("b.service"), null, 0));
        assertEquals(List.of(), request(source("nope.service"), null, 0));
    }

    @Test
    void positioningCountsOnlyMatchingEntries() throws IOException {
        JournalSource a = source("a.service");
        assertEquals(List.of("E4", "E5"), request(a, null, -2));
        assertEquals(List.of("E4", "E5"), request(a, null, 2));
        assertEquals(List.of("E2", "E4", "E5"), request(a, c(2), -1));
        assertEquals(List.of("E1", "E2", "E4", "E5"), request(a, c(4), -3));
        assertEquals(List.of(), request(a, "END", 0));
        assertEquals(new JournalPosition.After(c(5)), a.tail());
    }

    @Test
    void cursorOfAnEntryOutsideTheViewPositionsWithoutLosingTheNextOne() throws IOException {
        JournalSource a = source("a.service");
        // E3 is b.service: after E3 comes E4 (journalctl --after-cursor would skip it)
        assertEquals(List.of("E4", "E5"), request(a, c(3), 0));
        assertEquals(List.of("E2", "E4", "E5"), request(a, c(3), -1));
        assertEquals(List.of("E5"), request(a, c(3), 1));
    }

    @Test
    void filterNarrowsTheUnit() throws IOException {
        assertEquals(List.of("E1", "E4"), request(source("a.service", "PRIORITY:6"), null, 0));
        assertEquals(List.of("E1", "E2", "E4"), request(source("a.service", "PRIORITY:6", "PRIORITY:3"), null, 0));
        assertEquals(List.of("E4"), request(source("a.service", "PRIORITY:6", "label:E4"), null, 0));
        assertEquals(List.of(), request(source("b.service", "PRIORITY:3"), null, 0));
    }

    @Test
    void filterOnSameFieldIsOrDifferentFieldsAnd() throws IOException {
        assertEquals(List.of("E2", "E5", "E6", "E7"), request(source(null, "PRIORITY:3", "PRIORITY:4"), null, 0));
        assertEquals(List.of("E2", "E6"), request(source(null, "PRIORITY:3", "MESSAGE:E2 message", "MESSAGE:E6 message"), null, 0));
        assertEquals(List.of("E3"), request(source(null, "UNIT:b.service"), null, 0));
    }

    @Test
    void filterOnTheUnitFieldsIsAndedToo() throws IOException {
        assertEquals(List.of("E1", "E5"), request(source("a.service", "UNIT:a.service"), null, 0));
        assertEquals(List.of("E2", "E4"), request(source("a.service", "_SYSTEMD_UNIT:a.service"), null, 0));
        assertEquals(List.of(), request(source("a.service", "UNIT:b.service"), null, 0));
        assertEquals(List.of("E1", "E5"), request(source("a.service", "UNIT:a.service", "UNIT:b.service"), null, 0));
    }

    @Test
    void filterOnAnAddressFieldMatchesNothing() throws IOException {
        JournalSource s = source(null, "__CURSOR:" + c(1));
        assertEquals(List.of(), request(s, null, 0));
        assertEquals(s.head(), s.tail());
        assertEquals(s.head(), s.back(s.after(c(3)), 2));
    }

    @Test
    void malformedCursorsAreRefused() {
        String good = c(3);
        List<String> bad = new ArrayList<>(List.of(
                "", "foo", "BEGIN", "1234",
                good.replace("i=", "j="),
                good + ";",
                good + ";y=1",
                good.substring(0, good.lastIndexOf(';')),
                good.replace(";i=3;", ";i=xyz;"),
                good.replace(";i=3;", ";i=;"),
                good.replace(";i=3;", ";i=11111111111111111;"),
                good.replace("s=", "s=0"),
                good.replace(";b=", ";b=a"),
                good + "\n",
                String.join(";", swapFirstTwo(good.split(";"))),
                " " + good));
        for (String cursor : bad) {
            BadCursorException e = assertThrows(BadCursorException.class, () -> whole().after(cursor), cursor);
            assertTrue(e.getMessage().startsWith("malformed journal cursor"), e.getMessage());
        }
    }

    private static String[] swapFirstTwo(String[] parts) {
        String first = parts[0];
        parts[0] = parts[1];
        parts[1] = first;
        return parts;
    }

    @Test
    void wellFormedUnknownCursorsAreRefused() {
        String good = c(3);
        String otherEntry = good.replace(";i=3;", ";i=63;").replaceAll("x=[0-9a-f]+$", "x=1234");
        String otherJournal = "s=00000000000000000000000000000001;i=1;b=" + JournalFixture.BOOT_ID + ";m=1;t=1;x=1";
        for (String cursor : List.of(otherEntry, otherJournal)) {
            BadCursorException e = assertThrows(BadCursorException.class, () -> whole().after(cursor));
            assertTrue(e.getMessage().contains("cursor not found in the journal"), e.getMessage());
            assertThrows(BadCursorException.class, () -> source("a.service").after(cursor));
        }
    }

    @Test
    void cursorsAreComparedByValue() throws IOException {
        String upper = c(4).toUpperCase(Locale.ROOT).replace("S=", "s=").replace("I=", "i=").replace("B=", "b=")
                .replace("M=", "m=").replace("T=", "t=").replace("X=", "x=");
        assertEquals(List.of("E5", "E6", "E7"), request(whole(), upper, 0));
        assertEquals(List.of("E4", "E5", "E6", "E7"), request(whole(), upper, -1));
    }

    @Test
    void entriesCarryDataFieldsCursorAndTimes() throws IOException {
        try (EntryReader r = whole().open(whole().head())) {
            Entry e = r.next();
            assertEquals(c(1), e.cursor());
            assertEquals(List.of("LABEL", "MESSAGE", "PRIORITY", "UNIT", "_BOOT_ID"), List.copyOf(e.fields().keySet()));
            assertEquals("E1 message", e.fields().get("MESSAGE"));
            assertEquals(JournalFixture.BOOT_ID, e.fields().get("_BOOT_ID"));
            assertEquals(JournalFixture.realtimeMicros(0), e.realtimeMicros());
            assertEquals(JournalFixture.monotonicMicros(0), e.monotonicMicros());
            // 1700000000.25 s is 2023-11-14 22:13:20.25 UTC: truncated to the second
            assertEquals("2023-11-14 22:13:20: E1 message", new String(e.text(), StandardCharsets.UTF_8));
            Entry second = r.next();
            assertEquals("2023-11-14 22:13:21: E2 message", new String(second.text(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void entriesWithoutMessageAreEntriesWithoutText() throws IOException {
        JournalSource s = whole();
        try (EntryReader r = s.open(s.back(s.tail(), 1))) {
            Entry e = r.next();
            assertEquals("E7", e.fields().get("LABEL"));
            assertNull(e.text());
            assertEquals(c(7), e.cursor());
            assertNull(r.next());
        }
    }

    @Test
    void fieldsNeverHoldAddressFields() throws IOException {
        try (EntryReader r = whole().open(whole().head())) {
            for (Entry e = r.next(); e != null; e = r.next()) {
                assertFalse(e.fields().keySet().stream().anyMatch(k -> k.startsWith("__")), e.fields().toString());
                assertFalse(e.fields().isEmpty());
            }
        }
    }

    @Test
    void unitsExistByUnitOrSystemdUnit() throws IOException {
        assertTrue(JournalUnits.exists(JournalFixture.JOURNALCTL, journal.dir(), "a.service"));
        assertTrue(JournalUnits.exists(JournalFixture.JOURNALCTL, journal.dir(), "b.service"));
        assertTrue(JournalUnits.exists(JournalFixture.JOURNALCTL, journal.dir(), "d.service"));
        assertFalse(JournalUnits.exists(JournalFixture.JOURNALCTL, journal.dir(), "a"));
        assertFalse(JournalUnits.exists(JournalFixture.JOURNALCTL, journal.dir(), "nope.service"));
    }

    @Test
    void watchesNoPathTheSharedTailWakesFollowers() {
        assertEquals(List.of(), whole().watchPaths());
    }

    @Test
    void positionsOfOtherSourcesAreRefused() {
        Position foreign = new Position() {
        };
        assertThrows(IllegalArgumentException.class, () -> whole().open(foreign));
        assertInstanceOf(JournalPosition.Head.class, whole().head());
    }
}
