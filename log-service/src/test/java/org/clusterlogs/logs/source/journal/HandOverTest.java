package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case of {@link HandOver} on a real journal and a real shared tail whose
 * {@code journalctl --follow} waits for a gate file, so the test decides when the tail reads.
 * Entries are m1, m2, … with cursors {@code c(1)}, {@code c(2)}, …; the tail starts after m3.
 */
@Timeout(60)
class HandOverTest {

    static final JournalMatches ALL = JournalMatches.of(null, FieldFilter.none());

    @TempDir
    Path tmp;
    JournalFixture journal;
    Path gate;
    Path gatedJournalctl;
    JournalTail tail;

    @BeforeEach
    void journalAndGatedTail() throws IOException {
        journal = JournalFixture.create(tmp.resolve("journal")).append(entries(1, 3));
        gate = tmp.resolve("gate");
        gatedJournalctl = tmp.resolve("gated-journalctl");
        Files.writeString(gatedJournalctl, """
                #!/bin/sh
                case " $* " in
                  *" --follow "*) while [ ! -e %s ]; do sleep 0.02; done ;;
                esac
                exec journalctl "$@"
                """.formatted(gate));
        Files.setPosixFilePermissions(gatedJournalctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void stopTail() throws IOException {
        if (tail != null) {
            Files.writeString(gate, "");
            tail.stop();
        }
    }

    static List<Map<String, String>> entries(int from, int to) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            entries.add(Map.of("MESSAGE", "m" + i, "UNIT", i % 2 == 0 ? "even.service" : "odd.service"));
        }
        return entries;
    }

    String c(int n) throws IOException {
        return journal.cursors().get(n - 1);
    }

    void startTail(int ringEntries) throws IOException {
        startTail(journal.dir(), ringEntries);
    }

    void startTail(Path dir, int ringEntries) throws IOException {
        JournalctlCommand unfiltered = new JournalctlCommand(gatedJournalctl.toString(), dir, List.of());
        tail = JournalTail.start(unfiltered, dir, new EntryRing(ringEntries, JournalTails.RING_BYTES));
    }

    /** Lets the tail read, and waits until its ring ends with entry {@code seq}. */
    void tailReads(long seq) throws Exception {
        Files.writeString(gate, "");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (tail.ring().newest() < seq) {
            assertTrue(System.nanoTime() < deadline, "tail read " + tail.ring().newest() + " of " + seq);
            Thread.sleep(5);
        }
    }

    static List<String> drain(RingPlace place) {
        List<String> messages = new ArrayList<>();
        for (TailEntry e = place.next(); e != null; e = place.next()) {
            messages.add(e.entry().fields().get("MESSAGE"));
        }
        return messages;
    }

    RingPlace place(JournalTail.Mark mark, int reached) throws IOException {
        return HandOver.place(tail, mark, new JournalPosition.After(c(reached)), ALL);
    }

    @Test
    void theTailStartsAfterTheLastEntry() throws Exception {
        startTail(16);
        assertEquals(c(3), tail.base());
        assertEquals(new JournalTail.Mark(0, c(3)), tail.mark());
        journal.append(entries(4, 4));
        tailReads(1);
        assertEquals(new JournalTail.Mark(1, c(4)), tail.mark());
    }

    @Test
    void reachedTheMarkContinuesAfterIt() throws Exception {
        startTail(16);
        JournalTail.Mark mark = tail.mark();
        journal.append(entries(4, 5));
        RingPlace place = place(mark, 3);
        tailReads(2);
        assertEquals(List.of("m4", "m5"), drain(place));
    }

    @Test
    void reachedBeforeTheMarkAndOlderThanTheRingContinuesAfterTheMark() throws Exception {
        startTail(16);
        journal.append(entries(4, 5));
        tailReads(2);
        JournalTail.Mark mark = tail.mark(); // m5
        journal.append(entries(6, 7));
        tailReads(4);
        // m2 is before the ring: a run from m2 that started after the mark returned m3…m5
        assertEquals(List.of("m6", "m7"), drain(place(mark, 2)));
    }

    /** A run that stopped short of the mark (it missed a file) loses nothing the ring holds. */
    @Test
    void reachedBeforeTheMarkInTheRingContinuesRightAfterTheEntryReached() throws Exception {
        startTail(16);
        journal.append(entries(4, 5));
        tailReads(2);
        JournalTail.Mark mark = tail.mark(); // m5
        journal.append(entries(6, 7));
        tailReads(4);
        assertEquals(List.of("m5", "m6", "m7"), drain(place(mark, 4)));
        assertEquals(List.of("m4", "m5", "m6", "m7"),
                drain(HandOver.place(tail, mark, new JournalPosition.At(c(4)), ALL)));
    }

    @Test
    void reachedPastTheMarkContinuesAfterTheEntryReached() throws Exception {
        startTail(16);
        JournalTail.Mark mark = tail.mark(); // the base, m3
        journal.append(entries(4, 7));
        tailReads(4);
        assertEquals(List.of("m6", "m7"), drain(place(mark, 5)));
    }

    @Test
    void reachedWhatTheTailHasNotReadYetSkipsItWhenItComes() throws Exception {
        startTail(16);
        JournalTail.Mark mark = tail.mark(); // the base, m3
        journal.append(entries(4, 6));
        // the run read up to m5 while the tail still waits at its gate
        RingPlace ahead = place(mark, 5);
        RingPlace behind = place(mark, 2);
        assertEquals(List.of(), drain(ahead));
        journal.append(entries(7, 7));
        tailReads(4);
        assertEquals(List.of("m6", "m7"), drain(ahead));
        assertEquals(List.of("m4", "m5", "m6", "m7"), drain(behind));
    }

    @Test
    void aRingThatDroppedTheEntryAfterTheMarkMeansCatchUpAgain() throws Exception {
        startTail(2);
        JournalTail.Mark mark = tail.mark();
        journal.append(entries(4, 6));
        tailReads(3);
        assertTrue(tail.ring().dropped(1));
        assertNull(place(mark, 6));
        assertEquals(List.of(), drain(HandOver.place(tail, tail.mark(), new JournalPosition.After(c(6)), ALL)));
    }

    @Test
    void aFollowerOfTheHeadOfAnEmptyJournalGetsEverything() throws Exception {
        Path empty = tmp.resolve("empty");
        JournalFixture fresh = JournalFixture.create(empty);
        startTail(empty, 16);
        assertNull(tail.base());
        JournalTail.Mark mark = tail.mark();
        assertEquals(new JournalTail.Mark(0, null), mark);
        fresh.append(entries(1, 2));
        // nothing read yet, or the run already read m1, m2 before the tail did
        RingPlace fromHead = HandOver.place(tail, mark, JournalPosition.Head.INSTANCE, ALL);
        String m2 = fresh.cursors().get(1);
        RingPlace fromM2 = HandOver.place(tail, mark, new JournalPosition.After(m2), ALL);
        fresh.append(entries(3, 3));
        tailReads(3);
        assertEquals(List.of("m1", "m2", "m3"), drain(fromHead));
        assertEquals(List.of("m3"), drain(fromM2));
    }

    @Test
    void aPlaceOnlyGivesWhatItsMatchesAccept() throws Exception {
        startTail(16);
        JournalTail.Mark mark = tail.mark();
        journal.append(entries(4, 7));
        tailReads(4);
        JournalMatches odd = JournalMatches.of("odd.service", FieldFilter.none());
        RingPlace place = HandOver.place(tail, mark, new JournalPosition.After(c(3)), odd);
        assertEquals(List.of("m5", "m7"), drain(place));
    }
}
