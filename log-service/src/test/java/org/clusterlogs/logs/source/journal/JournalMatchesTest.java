package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.clusterlogs.logs.testsupport.JournalFixture.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@link JournalMatches#accepts} against journalctl itself: for each unit and filter, the
 * entries of the unfiltered journal it accepts are exactly those journalctl prints for
 * {@link JournalMatches#args()}. The shared tail relies on this.
 */
@Timeout(60)
class JournalMatchesTest {

    @TempDir
    static Path dir;
    static JournalFixture journal;
    static List<ObjectNode> everything = new ArrayList<>();

    @BeforeAll
    static void writeJournal() throws IOException {
        journal = JournalFixture.create(dir.resolve("journal"))
                .entry(Map.of("LABEL", "E1", "UNIT", "a.service", "PRIORITY", "6"))
                .entry(Map.of("LABEL", "E2", "_SYSTEMD_UNIT", "a.service", "PRIORITY", "3"))
                .entry(Map.of("LABEL", "E3", "UNIT", "b.service", "_SYSTEMD_UNIT", "a.service", "PRIORITY", "6"))
                .entry(Map.of("LABEL", "E4", "UNIT", "a.service", "_SYSTEMD_UNIT", "c.service", "PRIORITY", "4"))
                .entry(Map.of("LABEL", "E5", "MESSAGE", "a: b", "PRIORITY", "3"))
                .rawEntry(List.of(field("LABEL", "E6"), field("REP", "first"), field("REP", "second"),
                        field("UNIT", "a.service")))
                .rawEntry(List.of(field("LABEL", "E7"), field("BIN", new byte[]{(byte) 0xff, 'x'}),
                        field("REPB", new byte[]{(byte) 0xc3}), field("REPB", "ok")))
                .rawEntry(List.of(field("LABEL", "E8"), field("MESSAGE", "two\nlines"), field("PRIORITY", "3")))
                .entry(Map.of("LABEL", "E9", "UNIT", "a.service", "PRIORITY", "3", "SYSLOG_IDENTIFIER", "x"))
                .write();
        JournalctlCommand unfiltered = new JournalctlCommand(JournalFixture.JOURNALCTL, journal.dir(), List.of());
        everything.addAll(read(unfiltered));
        assertEquals(9, everything.size());
    }

    static List<ObjectNode> read(JournalctlCommand command) throws IOException {
        List<ObjectNode> entries = new ArrayList<>();
        try (JournalRun run = JournalRun.start(command.read(JournalPosition.Head.INSTANCE), JournalPosition.Head.INSTANCE)) {
            for (ObjectNode json = run.next(); json != null; json = run.next()) {
                entries.add(json);
            }
        }
        return entries;
    }

    static List<String> labels(List<ObjectNode> entries) {
        return entries.stream().map(e -> e.get("LABEL").textValue()).toList();
    }

    @ParameterizedTest(name = "unit {0}, filters {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-         | -",
        "a.service | -",
        "a.service | PRIORITY:3",
        "a.service | PRIORITY:3,PRIORITY:6",
        "a.service | UNIT:a.service",
        "a.service | _SYSTEMD_UNIT:a.service",
        "a.service | UNIT:b.service",
        "a.service | UNIT:b.service,UNIT:a.service,PRIORITY:6",
        "b.service | -",
        "-         | UNIT:a.service,PRIORITY:3",
        "-         | PRIORITY:3,LABEL:E5,LABEL:E8",
        "-         | REP:second",
        "-         | REP:first",
        "-         | REPB:ok",
        "-         | MESSAGE:a: b",
        "-         | NO_SUCH_FIELD:x",
        "-         | PRIORITY:",
    })
    void acceptsWhatJournalctlPrints(String unit, String filters) throws IOException {
        FieldFilter filter = FieldFilter.parse(filters == null ? List.of() : List.of(filters.split(",")));
        JournalMatches matches = JournalMatches.of(unit, filter);
        List<ObjectNode> printed = read(new JournalctlCommand(JournalFixture.JOURNALCTL, journal.dir(), matches.args()));
        List<ObjectNode> accepted = everything.stream().filter(matches::accepts).toList();
        assertEquals(labels(printed), labels(accepted), "args " + matches.args());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"__CURSOR:x", "LABEL:E1,__REALTIME_TIMESTAMP:1"})
    void filtersJournalctlRefusesAcceptNothing(String filters) {
        JournalMatches matches = JournalMatches.of(null, FieldFilter.parse(List.of(filters.split(","))));
        assertFalse(everything.stream().anyMatch(matches::accepts));
    }
}
