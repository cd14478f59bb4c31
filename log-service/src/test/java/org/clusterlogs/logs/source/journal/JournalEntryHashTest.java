package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;

import static org.clusterlogs.logs.testsupport.JournalFixture.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entry hash in a cursor tells whether journalctl printed every field: checked on what the
 * real journalctl prints for all kinds of values, and on the same objects with a field left out.
 */
@Timeout(60)
class JournalEntryHashTest {

    @TempDir
    static Path dir;
    static final List<ObjectNode> printed = new ArrayList<>();
    static ObjectNode twice;

    @BeforeAll
    static void readJournal() throws IOException {
        JournalFixture journal = JournalFixture.create(dir.resolve("journal"))
                .entry(Map.of("MESSAGE", "plain", "PRIORITY", "3", "_SYSTEMD_UNIT", "a.service"))
                .rawEntry(List.of(field("MESSAGE", "binary"), field("BIN", new byte[]{(byte) 0xff, (byte) 0xfe, 'a'})))
                .rawEntry(List.of(field("MESSAGE", "repeated"), field("REP", "first"), field("REP", "second"),
                        field("REPB", new byte[]{(byte) 0xc3}), field("REPB", "ok")))
                .rawEntry(List.of(field("MESSAGE", "line1\nline2 caf\u00e9 \u001b[31m")))
                .rawEntry(List.of(field("MESSAGE", "big"), field("BIG", "x".repeat(100_000))))
                .rawEntry(List.of(field("MESSAGE", "")))
                .rawEntry(List.of(field("MESSAGE", "twelve chars"), field("A", "")))
                .rawEntry(List.of(field("MESSAGE", "twice"), field("SAME", "x"), field("SAME", "x")))
                .write();
        JournalctlCommand command = new JournalctlCommand(JournalFixture.JOURNALCTL, journal.dir(), List.of());
        try (JournalProcess run = JournalProcess.start(command.read(JournalPosition.Head.INSTANCE))) {
            for (ObjectNode json = run.nextObject(); json != null; json = run.nextObject()) {
                printed.add(json);
            }
        }
        assertEquals(8, printed.size());
        twice = printed.remove(7);
    }

    @Test
    void everyEntryJournalctlPrintsWholeMatchesItsHash() throws IOException {
        for (ObjectNode json : printed) {
            assertTrue(JournalEntryHash.complete(json), json.toString());
        }
    }

    @Test
    void anEntryPrintedWithoutOneOfItsFieldsDoesNot() throws IOException {
        for (ObjectNode json : printed) {
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (name.startsWith("__") || name.equals("_BOOT_ID")) {
                    continue; // not fields; _BOOT_ID is printed from the entry's header anyway
                }
                ObjectNode partial = json.deepCopy();
                partial.remove(name);
                assertFalse(JournalEntryHash.complete(partial), "without " + name + ": " + partial);
            }
        }
    }

    @Test
    void aRepeatedFieldMissingOneValueDoesNotEither() throws IOException {
        ObjectNode repeated = printed.get(2).deepCopy();
        assertEquals(2, repeated.get("REP").size());
        ((ArrayNode) repeated.get("REP")).remove(1);
        assertFalse(JournalEntryHash.complete(repeated));
    }

    /** journald hashes every FIELD=value it is given but stores a repeated one once. */
    @Test
    void anEntryWrittenWithTheSameFieldValueTwiceNeverMatches() throws IOException {
        assertEquals("x", twice.get("SAME").textValue());
        assertFalse(JournalEntryHash.complete(twice));
    }

    @Test
    void jenkinsHashOfKnownInputs() {
        // lookup3's self-test: hashlittle("Four score and seven years ago", 30, 0) is 17770551, and "" hashes
        // to deadbeef deadbeef
        byte[] text = "Four score and seven years ago".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x17770551L << 32 | 0xce7226e6L, JournalEntryHash.jenkins64(text));
        assertEquals(0xdeadbeefL << 32 | 0xdeadbeefL, JournalEntryHash.jenkins64(new byte[0]));
    }
}
