package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Following a journal that grows and rotates, process lifetime, journalctl failures. */
@Timeout(120)
class JournalFollowTest {

    @TempDir
    Path tmp;

    static Map<String, String> e(String message, String unit) {
        return unit == null ? Map.of("MESSAGE", message) : Map.of("MESSAGE", message, "UNIT", unit);
    }

    static JournalSource source(JournalFixture journal, String unit) {
        return new JournalSource(JournalFixture.JOURNALCTL, journal.dir(), unit, FieldFilter.none());
    }

    static List<String> drain(EntryReader reader) throws IOException {
        List<String> messages = new ArrayList<>();
        for (Entry e = reader.next(); e != null; e = reader.next()) {
            messages.add(e.fields().get("MESSAGE"));
        }
        return messages;
    }

    @Test
    void followContinuesAfterTheLastEntryAcrossNewFilesAndRotation() throws IOException {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("m1", null), e("m2", null)));
        JournalSource source = source(journal, null);
        try (EntryReader reader = source.open(source.head())) {
            assertEquals(List.of("m1", "m2"), drain(reader));
            assertNull(reader.next());

            journal.append(List.of(e("m3", null), e("m4", null)));          // a second file
            assertEquals(List.of("m3", "m4"), drain(reader));

            journal.entry(e("m5", null)).writeInto("system.journal");      // appended to the first file
            assertEquals(List.of("m5"), drain(reader));

            journal.rotate().entry(e("m6", null)).entry(e("m7", null)).writeInto("system.journal");
            assertEquals(List.of("m6", "m7"), drain(reader));
            assertNull(reader.next());
        }
        assertEquals(7, journal.cursors().size());
    }

    @Test
    void followFromTheTailSeesOnlyNewEntries() throws IOException {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("old1", null), e("old2", null)));
        JournalSource source = source(journal, null);
        try (EntryReader reader = source.open(source.tail())) {
            assertNull(reader.next());
            journal.append(List.of(e("new1", null)));
            assertEquals(List.of("new1"), drain(reader));
        }
    }

    @Test
    void followOfAnEmptyViewStartsAtTheHead() throws IOException {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("other", "b.service")));
        JournalSource source = source(journal, "a.service");
        assertEquals(source.head(), source.tail());
        try (EntryReader reader = source.open(source.tail())) {
            assertNull(reader.next());
            journal.append(List.of(e("x1", "b.service"), e("a1", "a.service"), e("x2", "b.service"), e("a2", "a.service")));
            assertEquals(List.of("a1", "a2"), drain(reader));
            journal.append(List.of(e("x3", "b.service")));
            assertEquals(List.of(), drain(reader));
            journal.append(List.of(e("a3", "a.service")));
            assertEquals(List.of("a3"), drain(reader));
        }
    }

    @Test
    void emptyDirectoryIsAnEmptyJournalThatCanGrow() throws IOException {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"));
        JournalSource source = source(journal, null);
        assertEquals(source.head(), source.tail());
        assertEquals(source.head(), source.back(source.tail(), 5));
        assertFalse(JournalUnits.exists(JournalFixture.JOURNALCTL, journal.dir(), "a.service"));
        try (EntryReader reader = source.open(source.tail())) {
            assertNull(reader.next());
            journal.append(List.of(e("first", "a.service")));
            assertEquals(List.of("first"), drain(reader));
        }
        assertTrue(JournalUnits.exists(JournalFixture.JOURNALCTL, journal.dir(), "a.service"));
    }

    @Test
    void idleReaderStartsNoProcessUntilTheDirectoryChanges() throws Exception {
        JournalFixture journal = JournalFixture.create(tmp.resolve("j"))
                .append(List.of(e("m1", null)));
        Thread.sleep(1200); // older than the settle time, so an unchanged directory is trusted
        JournalSource source = source(journal, null);
        try (JournalReader reader = (JournalReader) source.open(source.head())) {
            assertEquals(List.of("m1"), drain(reader));
            assertEquals(1, reader.runs());
            assertNull(reader.next());
            assertNull(reader.next());
            assertEquals(1, reader.runs());
            journal.append(List.of(e("m2", null)));
            assertEquals(List.of("m2"), drain(reader));
            assertEquals(2, reader.runs());
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
        JournalSource source = new JournalSource(JournalFixture.JOURNALCTL, missing, null, FieldFilter.none());
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
        assertEquals(List.of(missing), source.watchPaths());
    }

    @Test
    void missingJournalctlIsAnIoError() {
        JournalSource source = new JournalSource(tmp.resolve("journalctl").toString(), tmp, null, FieldFilter.none());
        IOException e = assertThrows(IOException.class, source::tail);
        assertTrue(e.getMessage().startsWith("cannot run"), e.getMessage());
    }

    @Test
    void watchPathsIncludeMachineIdDirectories() throws IOException {
        Path root = tmp.resolve("var-log-journal");
        Path machine = root.resolve("0123456789abcdef0123456789abcdef");
        JournalFixture journal = JournalFixture.create(machine).append(List.of(e("in a machine dir", "a.service")));
        JournalSource source = new JournalSource(JournalFixture.JOURNALCTL, root, "a.service", FieldFilter.none());
        assertEquals(List.of(root, machine), source.watchPaths());
        try (EntryReader reader = source.open(source.head())) {
            assertEquals(List.of("in a machine dir"), drain(reader));
            journal.append(List.of(e("later", "a.service")));
            assertEquals(List.of("later"), drain(reader));
        }
    }
}
