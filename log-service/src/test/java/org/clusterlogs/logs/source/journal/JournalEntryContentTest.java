package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
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

import static org.clusterlogs.logs.testsupport.JournalFixture.field;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Field values as journalctl -o json prints them (bytes, repeats, big values) become strings. */
@Timeout(60)
class JournalEntryContentTest {

    @TempDir
    static Path dir;
    static List<Entry> entries = new ArrayList<>();

    @BeforeAll
    static void readJournal() throws IOException {
        JournalFixture journal = JournalFixture.create(dir.resolve("journal"))
                .rawEntry(List.of(field("MESSAGE", "binary"), field("BIN", new byte[]{(byte) 0xff, (byte) 0xfe, 'a', 'b'})))
                .rawEntry(List.of(field("MESSAGE", "repeated"), field("REP", "first"), field("REP", "second"),
                        field("REPB", new byte[]{(byte) 0xc3}), field("REPB", "ok")))
                .rawEntry(List.of(field("MESSAGE", "line1\nline2")))
                .rawEntry(List.of(field("MESSAGE", "\u001b[31mred\u001b[0m caf\u00e9")))
                .rawEntry(List.of(field("MESSAGE", new byte[]{'b', 'a', 'd', ' ', (byte) 0xe9, '!'})))
                .rawEntry(List.of(field("MESSAGE", "big"), field("BIG", "x".repeat(100_000))))
                .rawEntry(List.of(field("MESSAGE", "")))
                .write();
        JournalSource source = new JournalSource(JournalFixture.JOURNALCTL, journal.dir(), null, FieldFilter.none());
        try (EntryReader r = source.open(source.head())) {
            for (Entry e = r.next(); e != null; e = r.next()) {
                entries.add(e);
            }
        }
        assertEquals(7, entries.size());
    }

    static String text(int index) {
        return new String(entries.get(index).text(), StandardCharsets.UTF_8);
    }

    static String prefix(int index) {
        return text(index).substring(0, 21);
    }

    @Test
    void binaryValuesAreDecodedWithReplacement() {
        assertEquals("\ufffd\ufffdab", entries.get(0).fields().get("BIN"));
    }

    @Test
    void repeatedFieldsKeepTheFirstValue() {
        assertEquals("first", entries.get(1).fields().get("REP"));
        assertEquals("\ufffd", entries.get(1).fields().get("REPB"));
    }

    @Test
    void multiLineMessagesStayRaw() {
        assertEquals(prefix(2) + "line1\nline2", text(2));
        assertEquals("2023-11-14 22:13:22: ", prefix(2));
    }

    @Test
    void controlCharactersAndNonAsciiSurvive() {
        assertEquals("\u001b[31mred\u001b[0m caf\u00e9", entries.get(3).fields().get("MESSAGE"));
        assertEquals(prefix(3) + "\u001b[31mred\u001b[0m caf\u00e9", text(3));
    }

    @Test
    void invalidUtf8MessageIsReplacedInTextToo() {
        assertEquals("bad \ufffd!", entries.get(4).fields().get("MESSAGE"));
        byte[] expected = "2023-11-14 22:13:24: bad \ufffd!".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, entries.get(4).text());
    }

    @Test
    void bigValuesAreComplete() {
        assertEquals(100_000, entries.get(5).fields().get("BIG").length());
    }

    @Test
    void emptyMessageStillPrintsItsTime() {
        assertEquals("2023-11-14 22:13:26: ", text(6));
    }
}
