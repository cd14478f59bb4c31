package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.search.Grep;
import org.clusterlogs.logs.source.search.TimeBounds;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Following a journal that grows and rotates, process lifetime, journalctl failures. Followers
 * are driven by {@link Follower}: they read when the reader wakes them, never on a timer.
 */
@Timeout(120)
class JournalFollowTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path tmp;
    final JournalTails tails = new JournalTails(JournalTails.RING_ENTRIES, JournalTails.RING_BYTES);
    final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void noTailIsLeft() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(tails.running(JournalFixture.JOURNALCTL, tmp.resolve("j")).isEmpty(), "tail stopped");
    }

    static Map<String, String> e(String message, String unit) {
        return unit == null ? Map.of("MESSAGE", message) : Map.of("MESSAGE", message, "UNIT", unit);
    }

    JournalSource source(JournalFixture journal, String unit) {
        return new JournalSource(JournalFixture.JOURNALCTL, journal.dir(), unit, FieldFilter.none(), tails);
    }

    static List<String> drain(EntryReader reader) throws IOException {
        List<String> messages = new ArrayList<>();
        for (Entry e = reader.next(); e != null; e = reader.next()) {
            messages.add(e.fields().get("MESSAGE"));
        }
        return messages;
    }

    @Test
    void followContinuesAfterTheLastEntryAcrossNewFilesAndRotation() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("m1", null), e("m2", null)));
        JournalSource source = source(journal, null);
        try (Follower f = Follower.start(source, source.head(), executor)) {
            f.assertGets(List.of("m1", "m2"), WAIT, QUIET);

            journal.append(List.of(e("m3", null), e("m4", null)));          // a second file
            f.assertGets(List.of("m1", "m2", "m3", "m4"), WAIT, QUIET);

            journal.entry(e("m5", null)).writeInto("system.journal");      // appended to the first file
            f.assertGets(List.of("m1", "m2", "m3", "m4", "m5"), WAIT, QUIET);

            journal.rotate().entry(e("m6", null)).entry(e("m7", null)).writeInto("system.journal");
            f.assertGets(List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7"), WAIT, QUIET);
        }
        assertEquals(7, journal.cursors().size());
    }

    @Test
    void followerWithGrepGetsOnlyMatchingNewEntries() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("ERROR old", null), e("ok 0", null)));
        FieldFilter grep = FieldFilter.none().searching(Grep.parse("ERROR"), TimeBounds.NONE);
        JournalSource source = new JournalSource(JournalFixture.JOURNALCTL, journal.dir(), null, grep, tails);
        try (Follower f = Follower.start(source, source.tail(), executor)) {
            journal.append(List.of(e("ok 1", null), e("ERROR new", null), e("ok 2", null)));
            f.assertGets(List.of("ERROR new"), WAIT, QUIET);
            journal.append(List.of(e("ok 3", null), e("an ERROR again", null)));
            f.assertGets(List.of("ERROR new", "an ERROR again"), WAIT, QUIET);
        }
    }

    @Test
    void followFromTheTailSeesOnlyNewEntries() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("old1", null), e("old2", null)));
        JournalSource source = source(journal, null);
        try (Follower f = Follower.start(source, source.tail(), executor)) {
            journal.append(List.of(e("new1", null)));
            f.assertGets(List.of("new1"), WAIT, QUIET);
        }
    }

    @Test
    void followOfAnEmptyViewStartsAtTheHead() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("other", "b.service")));
        JournalSource source = source(journal, "a.service");
        assertEquals(source.head(), source.tail());
        try (Follower f = Follower.start(source, source.tail(), executor)) {
            journal.append(List.of(e("x1", "b.service"), e("a1", "a.service"), e("x2", "b.service"), e("a2", "a.service")));
            f.assertGets(List.of("a1", "a2"), WAIT, QUIET);
            journal.append(List.of(e("x3", "b.service")));
            journal.append(List.of(e("a3", "a.service")));
            f.assertGets(List.of("a1", "a2", "a3"), WAIT, QUIET);
        }
    }

    @Test
    void emptyDirectoryIsAnEmptyJournalThatCanGrow() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"));
        JournalSource source = source(journal, null);
        assertEquals(source.head(), source.tail());
        assertEquals(source.head(), source.back(source.tail(), 5));
        assertFalse(JournalUnits.exists(JournalFixture.JOURNALCTL, journal.dir(), "a.service"));
        try (Follower f = Follower.start(source, source.tail(), executor)) {
            awaitInRing(f);
            journal.append(List.of(e("first", "a.service")));
            f.assertGets(List.of("first"), WAIT, QUIET);
        }
        assertTrue(JournalUnits.exists(JournalFixture.JOURNALCTL, journal.dir(), "a.service"));
    }

    @Test
    void aRangeReadEndsAtTheEndWithoutJoiningTheTail() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("m1", null), e("m2", null)));
        JournalSource source = source(journal, null);
        try (JournalReader reader = (JournalReader) source.open(source.head())) {
            assertEquals(List.of("m1", "m2"), drain(reader));
            assertEquals(1, reader.runs());
            assertTrue(tails.running(JournalFixture.JOURNALCTL, journal.dir()).isEmpty());
        }
    }

    @Test
    void aFollowerInTheRingStartsNoJournalctlOfItsOwn() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("m1", null)));
        JournalSource source = source(journal, null);
        try (Follower f = Follower.start(source, source.head(), executor)) {
            f.assertGets(List.of("m1"), WAIT, QUIET);
            awaitInRing(f);
            // the range run, then one catch-up run after joining the tail
            assertEquals(2, f.reader().runs());
            for (int i = 2; i <= 4; i++) {
                journal.append(List.of(e("m" + i, null)));
                f.await(i, WAIT);
            }
            assertEquals(List.of("m1", "m2", "m3", "m4"), f.messages());
            assertEquals(2, f.reader().runs());
            assertTrue(f.reader().process().isEmpty());
        }
    }

    @Test
    void aReaderToldToFollowBeforeItsFirstEndJoinsTheTailAtOnce() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("m1", null)));
        JournalSource source = source(journal, null);
        Semaphore woken = new Semaphore(0);
        try (JournalReader reader = (JournalReader) source.open(source.head())) {
            reader.onNewEntries(woken::release);
            assertTrue(woken.tryAcquire(), "woken once right away");
            assertEquals(List.of("m1"), drain(reader));
            assertEquals(2, reader.runs(), "after joining the tail: the run that read m1, then one that found nothing more");
            assertTrue(reader.inRing());
            journal.append(List.of(e("m2", null)));
            assertTrue(woken.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS), "woken by the tail");
            assertEquals(List.of("m2"), drain(reader));
        }
    }

    @Test
    void aFollowerOfAQuietUnitIsWokenOnlyByItsEntriesAndCatchesUpWhenTheRingMovedOn() throws Exception {
        JournalTails small = new JournalTails(4, JournalTails.RING_BYTES);
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("a0", "a.service")));
        JournalSource source = new JournalSource(JournalFixture.JOURNALCTL, journal.dir(), "a.service",
                FieldFilter.none(), small);
        Semaphore woken = new Semaphore(0);
        try (JournalReader reader = (JournalReader) source.open(source.tail())) {
            reader.onNewEntries(woken::release);
            woken.acquire();
            assertEquals(List.of(), drain(reader));
            journal.append(List.of(e("b1", "b.service"), e("b2", "b.service"), e("b3", "b.service"),
                    e("b4", "b.service"), e("b5", "b.service"), e("b6", "b.service")));
            assertFalse(woken.tryAcquire(1, TimeUnit.SECONDS), "not woken by another unit");
            journal.append(List.of(e("a1", "a.service")));
            assertTrue(woken.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS), "woken by its unit");
            assertEquals(List.of("a1"), drain(reader));
            assertEquals(3, reader.runs(), "the ring had dropped b1: a catch-up run (a1), then one that found nothing more");
        }
        assertTrue(small.running(JournalFixture.JOURNALCTL, journal.dir()).isEmpty());
    }

    static void awaitInRing(Follower f) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!f.reader().inRing()) {
            assertTrue(System.nanoTime() < deadline, "follower never joined the shared tail");
            Thread.sleep(10);
        }
    }

    @Test
    void closeKillsTheRunningJournalctl() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"));
        String filler = "x".repeat(400);
        for (int i = 0; i < 3000; i++) {
            journal.entry(e("m" + i + " " + filler, null));
        }
        journal.write();
        JournalSource source = source(journal, null);
        JournalReader reader = (JournalReader) source.open(source.head());
        assertEquals("m0 " + filler, reader.next().fields().get("MESSAGE"));
        ProcessHandle process = reader.process().orElseThrow();
        assertTrue(process.isAlive(), "journalctl blocks on the full stdout pipe");
        reader.close();
        process.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(process.isAlive());
        assertTrue(reader.process().isEmpty());
        assertNull(reader.next());
    }

    @Test
    void closeFromAnotherThreadEndsAReaderMidStream() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"));
        for (int i = 0; i < 3000; i++) {
            journal.entry(e("m" + i + " " + "y".repeat(400), null));
        }
        journal.write();
        JournalSource source = source(journal, null);
        JournalReader reader = (JournalReader) source.open(source.head());
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger read = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try {
                while (reader.next() != null) {
                    read.incrementAndGet();
                    started.countDown();
                    Thread.sleep(1); // a slow client: journalctl stays blocked on the pipe
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        consumer.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        ProcessHandle process = reader.process().orElseThrow();
        reader.close();
        consumer.join(10_000);
        assertFalse(consumer.isAlive());
        assertNull(failure.get());
        assertTrue(read.get() < 3000, "stopped early: " + read.get());
        process.onExit().get(10, TimeUnit.SECONDS);
    }

    @Test
    void journalctlFailuresAreIoErrorsWithItsMessage() throws IOException {
        Path missing = tmp.resolve("no-such-dir");
        JournalSource source = new JournalSource(JournalFixture.JOURNALCTL, missing, null, FieldFilter.none(), tails);
        IOException tail = assertThrows(IOException.class, source::tail);
        assertTrue(tail.getMessage().contains("No such file or directory"), tail.getMessage());
        try (EntryReader reader = source.open(source.head())) {
            IOException read = assertThrows(IOException.class, reader::next);
            assertTrue(read.getMessage().contains("No such file or directory"), read.getMessage());
            assertTrue(read.getMessage().contains("exit status 1"), read.getMessage());
        }
        String cursor = "s=00000000000000000000000000000001;i=1;b=" + JournalFixture.BOOT_ID + ";m=1;t=1;x=1";
        assertThrows(IOException.class, () -> source.after(cursor));
        assertThrows(IOException.class, () -> JournalUnits.exists(JournalFixture.JOURNALCTL, missing, "a.service"));
        assertEquals(List.of(), source.watchPaths(), "the shared tail wakes followers, no directory watch");
    }

    @Test
    void missingJournalctlIsAnIoError() {
        JournalSource source = new JournalSource(tmp.resolve("journalctl").toString(), tmp, null, FieldFilter.none());
        IOException e = assertThrows(IOException.class, source::tail);
        assertTrue(e.getMessage().startsWith("cannot run"), e.getMessage());
    }

    @Test
    void followsJournalsInMachineIdDirectories() throws Exception {
        Path root = tmp.resolve("j");
        Path machine = root.resolve("0123456789abcdef0123456789abcdef");
        JournalFixture journal = JournalFixture.create(machine).append(List.of(e("in a machine dir", "a.service")));
        JournalSource source = new JournalSource(JournalFixture.JOURNALCTL, root, "a.service", FieldFilter.none(), tails);
        try (Follower f = Follower.start(source, source.head(), executor)) {
            f.assertGets(List.of("in a machine dir"), WAIT, QUIET);
            awaitInRing(f);
            journal.append(List.of(e("later", "a.service")));
            f.assertGets(List.of("in a machine dir", "later"), WAIT, QUIET);
        }
    }
}
