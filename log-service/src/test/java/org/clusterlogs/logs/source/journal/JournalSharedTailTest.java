package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many followers of one journal directory share one journalctl: every follower gets exactly
 * its entries in order, through bursts of writes, a killed journalctl, a catch-up from the
 * head and a ring that drops what a slow follower has not read. Followers are driven by
 * {@link Follower}, which reads only when the reader wakes it.
 */
@Timeout(180)
class JournalSharedTailTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration QUIET = Duration.ofMillis(500);
    static final String UNIT = "a.service";
    /** The unit view the filtered followers read: a.service (either unit field) with PRIORITY 3. */
    static final FieldFilter UNIT_FILTER = FieldFilter.parse(List.of("PRIORITY:3"));

    @TempDir
    Path tmp;
    JournalTails tails = new JournalTails(JournalTails.RING_ENTRIES, JournalTails.RING_BYTES);
    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final List<Follower> followers = new ArrayList<>();

    @AfterEach
    void closeFollowers() throws Exception {
        for (Follower f : followers) {
            f.close();
        }
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(0, journalctls(dir()), "no journalctl is left once every follower closed");
    }

    Path dir() {
        return tmp.resolve("journal");
    }

    /** Entry n: a.service or b.service, as UNIT or _SYSTEMD_UNIT, PRIORITY 3 or 6. */
    static Map<String, String> numbered(int n) {
        String unit = n % 5 == 0 ? "b.service" : UNIT;
        return Map.of("MESSAGE", "m" + n, n % 3 == 0 ? "UNIT" : "_SYSTEMD_UNIT", unit,
                "PRIORITY", n % 2 == 0 ? "3" : "6");
    }

    static boolean inUnitView(Map<String, String> e) {
        return (UNIT.equals(e.get("UNIT")) || UNIT.equals(e.get("_SYSTEMD_UNIT"))) && "3".equals(e.get("PRIORITY"));
    }

    static List<Map<String, String>> numbered(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(JournalSharedTailTest::numbered).toList();
    }

    static List<String> messages(List<Map<String, String>> entries, boolean unitView) {
        return entries.stream().filter(e -> !unitView || inUnitView(e)).map(e -> e.get("MESSAGE")).toList();
    }

    /**
     * Writes a burst the way journald does: appended to {@code system.journal}, which is rotated
     * before every third burst. (Entries written into an older file after a newer file got
     * entries are not in journalctl's order; any cursor-based reader, journalctl -f too, can
     * pass them by. journald never does that.)
     */
    static void writeBurst(JournalFixture journal, List<Map<String, String>> burst, int index) throws IOException {
        if (index % 3 == 2) {
            journal.rotate();
        }
        burst.forEach(journal::entry);
        journal.writeInto("system.journal");
    }

    /** Live journalctl processes of this JVM that read {@code dir}. */
    static long journalctls(Path dir) {
        String arg = "--directory=" + dir;
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(arg)).orElse(false))
                .count();
    }

    JournalSource source(String unit, FieldFilter filter) {
        return source(JournalFixture.JOURNALCTL, unit, filter);
    }

    JournalSource source(String journalctl, String unit, FieldFilter filter) {
        return new JournalSource(journalctl, dir(), unit, filter, tails);
    }

    Follower follow(JournalSource source, boolean fromHead) throws IOException {
        Follower f = Follower.start(source, fromHead ? source.head() : source.tail(), executor);
        followers.add(f);
        return f;
    }

    void awaitAllInRing() throws InterruptedException {
        for (Follower f : followers) {
            JournalFollowTest.awaitInRing(f);
        }
    }

    JournalTail tail() {
        return tails.running(JournalFixture.JOURNALCTL, dir()).orElseThrow();
    }

    /** Every follower (whole journal first, then unit view) got exactly its part of {@code written}. */
    void assertEveryFollowerGot(List<Map<String, String>> written, int wholeFollowers) throws InterruptedException {
        List<String> whole = messages(written, false);
        List<String> unit = messages(written, true);
        for (int i = 0; i < followers.size(); i++) {
            List<String> want = i < wholeFollowers ? whole : unit;
            try {
                followers.get(i).await(want.size(), WAIT);
            } catch (AssertionError e) {
                List<String> got = followers.get(i).messages();
                int k = 0;
                while (k < got.size() && got.get(k).equals(want.get(k))) {
                    k++;
                }
                throw new AssertionError("follower " + i + " got " + got.size() + " of " + want.size()
                        + ", first difference at " + k + ": got " + got.subList(k, Math.min(got.size(), k + 5))
                        + " want " + want.subList(k, Math.min(want.size(), k + 5)), e);
            }
        }
        Thread.sleep(QUIET.toMillis());
        for (int i = 0; i < followers.size(); i++) {
            assertEquals(i < wholeFollowers ? whole : unit, followers.get(i).messages(), "follower " + i);
        }
    }

    @Test
    void manyFollowersOfTheWholeJournalAndOfAFilteredUnitGetExactlyTheirEntriesFromOneJournalctl() throws Exception {
        JournalFixture journal = JournalFixture.create(dir()).append(numbered(0, 20));
        JournalSource whole = source(null, FieldFilter.none());
        JournalSource unit = source(UNIT, UNIT_FILTER);
        int wholeFollowers = 60;
        for (int i = 0; i < 100; i++) {
            follow(i < wholeFollowers ? whole : unit, false);
        }
        awaitAllInRing();
        assertEquals(1, journalctls(dir()), "one journalctl for all followers");

        List<Map<String, String>> written = new ArrayList<>();
        for (int burst = 0; burst < 10; burst++) {
            List<Map<String, String>> entries = numbered(20 + burst * 30, 30);
            writeBurst(journal, entries, burst);
            written.addAll(entries);
        }
        assertEveryFollowerGot(written, wholeFollowers);
        assertEquals(1, journalctls(dir()), "still one journalctl");
        assertEquals(0, tail().restarts());
        for (Follower f : followers) {
            assertEquals(2, f.reader().runs(), "no follower ran journalctl after joining the tail");
            f.close();
        }
        assertTrue(tails.running(JournalFixture.JOURNALCTL, dir()).isEmpty());
        assertEquals(0, journalctls(dir()));
    }

    @Test
    void theSharedJournalctlKilledMidStreamIsStartedAgainAndFollowersLoseAndRepeatNothing() throws Exception {
        JournalFixture journal = JournalFixture.create(dir()).append(numbered(0, 10));
        JournalSource whole = source(null, FieldFilter.none());
        JournalSource unit = source(UNIT, UNIT_FILTER);
        for (int i = 0; i < 20; i++) {
            follow(i < 14 ? whole : unit, false);
        }
        awaitAllInRing();
        List<Map<String, String>> written = new ArrayList<>();
        int next = 10;
        for (int round = 0; round < 3; round++) {
            // a big burst written while journalctl is stopped, so that it is still printing it when killed
            long before = tail().ring().newest();
            List<Map<String, String>> big = numbered(next, 3000);
            next += big.size();
            ProcessHandle first = tail().process().orElseThrow();
            signal(first, "STOP");
            writeBurst(journal, big, round);
            written.addAll(big);
            signal(first, "CONT");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (tail().ring().newest() < before + 50) {
                assertTrue(System.nanoTime() < deadline, "the tail reads the burst");
                Thread.sleep(1);
            }
            first.destroyForcibly(); // SIGKILL
            long atKill = tail().ring().newest();
            first.onExit().get(10, TimeUnit.SECONDS);
            assertTrue(atKill < before + big.size(), "killed mid-burst: " + (atKill - before) + " of " + big.size());
            List<Map<String, String>> small = numbered(next, 20);
            next += small.size();
            writeBurst(journal, small, round + 1);
            written.addAll(small);
            followers.get(0).await(messages(written, false).size(), WAIT);
            assertNotEquals(first.pid(), tail().process().orElseThrow().pid());
        }
        assertEveryFollowerGot(written, 14);
        assertTrue(tail().restarts() >= 3, "restarts: " + tail().restarts());
        assertEquals(1, journalctls(dir()));
    }

    @ParameterizedTest(name = "ring of {0} entries")
    @ValueSource(ints = {JournalTails.RING_ENTRIES, 32})
    void followersFromTheHeadOfABigJournalJoinTheTailWithoutLossOrRepeat(int ringEntries) throws Exception {
        tails = new JournalTails(ringEntries, JournalTails.RING_BYTES);
        JournalFixture journal = JournalFixture.create(dir()).append(numbered(0, 20_000));
        List<Map<String, String>> written = new ArrayList<>(numbered(0, 20_000));
        JournalSource whole = source(null, FieldFilter.none());
        JournalSource unit = source(UNIT, UNIT_FILTER);
        List<List<Map<String, String>>> bursts = IntStream.range(0, 40)
                .mapToObj(b -> numbered(20_000 + b * 25, 25)).toList();
        bursts.forEach(written::addAll);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = writer.submit(() -> {
                for (int b = 0; b < bursts.size(); b++) {
                    writeBurst(journal, bursts.get(b), b);
                    Thread.sleep(20);
                }
                return null;
            });
            // followers start at the head while the journal grows, one after the other
            for (int i = 0; i < 6; i++) {
                follow(i < 4 ? whole : unit, true);
                Thread.sleep(150);
            }
            writing.get(2, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }
        assertEveryFollowerGot(written, 4);
        assertEquals(1, journalctls(dir()));
    }

    @Test
    void aSlowFollowerThatFallsOutOfTheRingStillGetsEveryEntry() throws Exception {
        tails = new JournalTails(16, JournalTails.RING_BYTES);
        JournalFixture journal = JournalFixture.create(dir()).append(numbered(0, 5));
        JournalSource whole = source(null, FieldFilter.none());
        Follower fast = follow(whole, false);
        Follower slow = follow(whole, false);
        Follower slowUnit = follow(source(UNIT, UNIT_FILTER), false);
        awaitAllInRing();
        slow.pause();
        slowUnit.pause();
        List<Map<String, String>> written = new ArrayList<>();
        for (int burst = 0; burst < 6; burst++) {
            List<Map<String, String>> entries = numbered(5 + burst * 12, 12);
            writeBurst(journal, entries, burst);
            written.addAll(entries);
            fast.await(written.size(), WAIT);
        }
        assertTrue(tail().ring().dropped(1), "the ring dropped entries the slow followers had not read");
        assertEquals(List.of(), slow.messages());
        slow.resume();
        slowUnit.resume();
        assertEveryFollowerGot(written, 2);
        assertTrue(slow.reader().runs() > 2, "caught up through journalctl again: " + slow.reader().runs());
        assertTrue(slowUnit.reader().runs() > 2, "caught up through journalctl again: " + slowUnit.reader().runs());
    }

    /**
     * A catch-up run that misses the newest journal file (journalctl lists the directory when it
     * starts; a listing taken while journald renames a file in rotation may show neither name):
     * the follower must not hand over to the ring before a run that finds nothing more.
     */
    @Test
    void aCatchUpRunThatMissesTheNewestFileLosesNothing() throws Exception {
        tails = new JournalTails(4, JournalTails.RING_BYTES);
        Path armed = tmp.resolve("armed");
        // once armed, the next catch-up read leaves out its last three entries, as if it had
        // not seen the file they are in
        Path journalctl = script("forgetful-journalctl", """
                #!/bin/sh
                case " $* " in
                  *" --follow "*|*" --output-fields="*) ;;
                  *" --cursor="*) rm %s 2>/dev/null && { journalctl "$@" | head -n -3; exit 0; } ;;
                esac
                exec journalctl "$@"
                """.formatted(armed));
        JournalFixture journal = JournalFixture.create(dir()).append(numbered(0, 3));
        Follower f = follow(source(journalctl.toString(), null, FieldFilter.none()), true);
        f.await(3, WAIT);
        JournalFollowTest.awaitInRing(f);
        f.pause();
        List<Map<String, String>> written = new ArrayList<>(numbered(0, 3));
        List<Map<String, String>> more = numbered(3, 10);
        journal.append(more);
        written.addAll(more);
        JournalTail tail = tails.running(journalctl.toString(), dir()).orElseThrow();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (tail.ring().newest() < more.size()) { // the ring numbers the entries after the tail started
            assertTrue(System.nanoTime() < deadline, "the tail read the new entries");
            Thread.sleep(10);
        }
        assertTrue(tail.ring().dropped(1), "the ring dropped entries the paused follower had not read");
        Files.createFile(armed);
        f.resume();
        assertEquals(messages(written, false), f.await(written.size(), WAIT));
        assertFalse(Files.exists(armed), "the forgetful run happened");
        assertTrue(f.messages().size() == written.size(), "nothing repeated");
    }

    /**
     * A catch-up run that finds nothing because it missed the file holding entries the tail
     * already read (under load a follower lost the entries of one write just before a rotation):
     * the follower gets them from the ring.
     */
    @Test
    void aCatchUpRunThatFindsNothingBecauseItMissedANewFileLosesNothing() throws Exception {
        Path blind = tmp.resolve("blind");
        // while "blind" exists, every catch-up read prints nothing, as if it had not seen the newest file
        Path journalctl = script("blind-journalctl", """
                #!/bin/sh
                case " $* " in
                  *" --follow "*|*" --output-fields="*) ;;
                  *) [ -e %s ] && exit 0 ;;
                esac
                exec journalctl "$@"
                """.formatted(blind));
        JournalFixture journal = JournalFixture.create(dir()).append(numbered(0, 3));
        JournalSource whole = source(journalctl.toString(), null, FieldFilter.none());
        Follower first = follow(whole, false);
        JournalFollowTest.awaitInRing(first);
        journal.append(numbered(3, 4));
        first.await(4, WAIT); // the ring holds m3…m6
        String m3 = journal.cursors().get(3);
        Files.createFile(blind);
        Follower late = Follower.start(whole, whole.after(m3), executor);
        followers.add(late);
        JournalFollowTest.awaitInRing(late);
        Files.delete(blind);
        journal.append(numbered(7, 1));
        late.assertGets(List.of("m4", "m5", "m6", "m7"), WAIT, QUIET);
        first.assertGets(List.of("m3", "m4", "m5", "m6", "m7"), WAIT, QUIET);
    }

    @Test
    void whenJournalctlKeepsFailingTheFollowersFailWithItsError() throws Exception {
        Path broken = tmp.resolve("broken");
        Path journalctl = script("flaky-journalctl", """
                #!/bin/sh
                case " $* " in
                  *" --follow "*) [ -e %s ] && { echo "journalctl broke" >&2; exit 1; } ;;
                esac
                exec journalctl "$@"
                """.formatted(broken));
        JournalFixture.create(dir()).append(numbered(0, 3));
        Follower f = follow(source(journalctl.toString(), null, FieldFilter.none()), true);
        f.await(3, WAIT);
        JournalFollowTest.awaitInRing(f);
        JournalTail tail = tails.running(journalctl.toString(), dir()).orElseThrow();
        Files.createFile(broken);
        tail.process().orElseThrow().destroyForcibly();
        Throwable failure = f.awaitFailure(WAIT);
        assertTrue(failure.getMessage().contains("journalctl broke"), failure.getMessage());
        assertEquals(0, journalctls(dir()));
    }

    static void signal(ProcessHandle process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    Path script(String name, String text) throws IOException {
        Path script = tmp.resolve(name);
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
