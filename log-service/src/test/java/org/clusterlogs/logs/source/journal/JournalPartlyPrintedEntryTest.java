package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.clusterlogs.logs.source.journal.JournalSharedTailTest.QUIET;
import static org.clusterlogs.logs.source.journal.JournalSharedTailTest.UNIT;
import static org.clusterlogs.logs.source.journal.JournalSharedTailTest.UNIT_FILTER;
import static org.clusterlogs.logs.source.journal.JournalSharedTailTest.WAIT;
import static org.clusterlogs.logs.source.journal.JournalSharedTailTest.messages;
import static org.clusterlogs.logs.source.journal.JournalSharedTailTest.numbered;
import static org.clusterlogs.logs.testsupport.JournalFixture.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * journalctl prints an entry without a field when it reads the entry while the writer is still
 * linking it (see {@link JournalEntryHash}). Here a journalctl wrapper prints entry m6 without
 * its MESSAGE once, as the real one did under load; the reader must read it again and serve it
 * whole, once, in its place, both from the shared tail and in a catch-up or range read.
 */
@Timeout(120)
class JournalPartlyPrintedEntryTest {

    static final String PARTLY = "m6"; // in the unit view too: a.service, PRIORITY 3

    @TempDir
    Path tmp;
    final JournalTails tails = new JournalTails(JournalTails.RING_ENTRIES, JournalTails.RING_BYTES);
    final ExecutorService executor = Executors.newFixedThreadPool(2);
    final List<Follower> followers = new ArrayList<>();

    @AfterEach
    void closeFollowers() throws Exception {
        for (Follower f : followers) {
            f.close();
        }
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(0, JournalSharedTailTest.journalctls(dir()), "no journalctl is left");
    }

    Path dir() {
        return tmp.resolve("journal");
    }

    /**
     * journalctl, except that the first run of a kind ({@code --follow}, or a read) after its
     * marker file was created prints entry {@value #PARTLY} without MESSAGE.
     */
    Path journalctl() throws IOException {
        Path script = tmp.resolve("journalctl-missing-a-field");
        Files.writeString(script, """
                #!/bin/bash
                case " $* " in
                  *" --output-fields="*) ;;
                  *" --follow "*) rm %1$s 2>/dev/null && partly=1 ;;
                  *) rm %2$s 2>/dev/null && partly=1 ;;
                esac
                drop() { exec sed -u -e 's/"MESSAGE":"%3$s",//' -e 's/,"MESSAGE":"%3$s"}/}/'; }
                if [ -n "$partly" ]; then
                  case " $* " in
                    *" --follow "*) exec journalctl "$@" > >(drop) ;;
                  esac
                  # a read ends by itself: the process the JVM started must outlive sed, or the JVM,
                  # seeing its child exit, keeps only what the pipe held at that moment
                  journalctl "$@" | drop
                  exit "${PIPESTATUS[0]}"
                fi
                exec journalctl "$@"
                """.formatted(armed("follow"), armed("read"), PARTLY));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    Path armed(String kind) {
        return tmp.resolve("armed-" + kind);
    }

    JournalSource source(Path journalctl, String unit, FieldFilter filter) {
        return new JournalSource(journalctl.toString(), dir(), unit, filter, tails);
    }

    Follower follow(JournalSource source) throws IOException {
        Follower f = Follower.start(source, source.tail(), executor);
        followers.add(f);
        return f;
    }

    static List<String> readAll(JournalSource source) throws IOException {
        List<String> got = new ArrayList<>();
        try (EntryReader r = source.open(source.head())) {
            for (Entry e = r.next(); e != null; e = r.next()) {
                got.add(e.fields().getOrDefault("MESSAGE", "<no MESSAGE: " + e.cursor() + " " + e.fields() + ">"));
            }
        }
        return got;
    }

    @Test
    void theSharedTailReadsAPartlyPrintedEntryAgainAndEveryFollowerGetsItWhole() throws Exception {
        JournalFixture journal = JournalFixture.create(dir()).append(numbered(0, 3));
        Path journalctl = journalctl();
        Files.createFile(armed("follow")); // the tail's journalctl is the first --follow
        Follower whole = follow(source(journalctl, null, FieldFilter.none()));
        Follower unit = follow(source(journalctl, UNIT, UNIT_FILTER));
        JournalFollowTest.awaitInRing(whole);
        JournalFollowTest.awaitInRing(unit);
        assertFalse(Files.exists(armed("follow")), "the tail's journalctl is the one that leaves out a field");

        List<Map<String, String>> written = numbered(3, 8);
        written.forEach(journal::entry);
        journal.writeInto("system.journal");
        whole.assertGets(messages(written, false), WAIT, QUIET);
        unit.assertGets(messages(written, true), WAIT, QUIET);
        assertTrue(messages(written, true).contains(PARTLY));
        JournalTail tail = tails.running(journalctl.toString(), dir()).orElseThrow();
        assertEquals(0, tail.restarts(), "read again without restarting the tail");
        assertEquals(1, JournalSharedTailTest.journalctls(dir()), "the journalctl that read again follows on");
    }

    @Test
    void aRangeReadReadsAPartlyPrintedEntryAgain() throws Exception {
        JournalFixture.create(dir()).append(numbered(0, 10));
        Path journalctl = journalctl();
        Files.createFile(armed("read"));
        assertEquals(messages(numbered(0, 10), false), readAll(source(journalctl, null, FieldFilter.none())));
        assertFalse(Files.exists(armed("read")));
        Files.createFile(armed("read"));
        assertEquals(messages(numbered(0, 10), true), readAll(source(journalctl, UNIT, UNIT_FILTER)));
        assertFalse(Files.exists(armed("read")));
    }

    /** journald stores a repeated FIELD=value once but hashed it twice: such an entry never matches. */
    @Test
    void anEntryThatNeverMatchesItsHashIsServedAsPrintedOnceAndReadingGoesOn() throws Exception {
        JournalFixture journal = JournalFixture.create(dir()).append(numbered(0, 2));
        Follower f = follow(source(Path.of(JournalFixture.JOURNALCTL), null, FieldFilter.none()));
        JournalFollowTest.awaitInRing(f);
        journal.rawEntry(List.of(field("MESSAGE", "twice"), field("SAME", "x"), field("SAME", "x")))
                .entry(Map.of("MESSAGE", "after"))
                .writeInto("system.journal");
        f.assertGets(List.of("twice", "after"), WAIT, QUIET);
        assertEquals(List.of("m0", "m1", "twice", "after"),
                readAll(source(Path.of(JournalFixture.JOURNALCTL), null, FieldFilter.none())));
    }
}
