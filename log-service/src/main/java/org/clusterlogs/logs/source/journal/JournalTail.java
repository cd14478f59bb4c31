package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One long-running {@code journalctl --follow} of a journal directory, unfiltered, shared by
 * every follower of that directory: each entry is read and parsed once, kept in an
 * {@link EntryRing}, and the followers are woken to take from the ring what their matches
 * accept. It starts after the entry that was last when it started, and when journalctl dies
 * it starts again after the last entry it read, so the ring holds the journal's entries in
 * journalctl's order without a gap or a repeat, from {@link #base()} on.
 *
 * <p>Restarts back off (0.1 s doubling to 5 s). When journalctl fails to start
 * {@value #MAX_FAILED_STARTS} times in a row, reading nothing, the tail gives up and its
 * followers fail with that error (a missing directory, a broken journalctl).
 */
final class JournalTail {

    private static final Logger LOG = Logger.getLogger(JournalTail.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** A run that read an entry or lived this long started fine: the back-off starts over. */
    private static final Duration HEALTHY = Duration.ofSeconds(10);
    private static final int MAX_FAILED_STARTS = 5;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final JournalctlCommand command;
    private final Path directory;
    private final EntryRing ring;
    private final String base;
    private final Set<Wakeup> followers = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger restarts = new AtomicInteger();
    private final Thread thread;
    private volatile JournalRun run;
    private volatile IOException failure;

    /**
     * Where a follower's catch-up run started relative to the ring: the newest entry then
     * ({@code seq} 0 when none, and then {@code cursor} is the tail's base).
     *
     * @param seq    the newest ring entry when the mark was taken, or 0
     * @param cursor that entry's cursor, or the base's; null for the journal's head
     */
    record Mark(long seq, String cursor) {
    }

    private JournalTail(JournalctlCommand command, Path directory, EntryRing ring, String base) {
        this.command = command;
        this.directory = directory;
        this.ring = ring;
        this.base = base;
        this.thread = new Thread(this::follow, "journal-tail " + directory);
        thread.setDaemon(true);
    }

    /**
     * Starts following after the entry that is last now.
     *
     * @param command journalctl on the directory, without matches
     */
    static JournalTail start(JournalctlCommand command, Path directory, EntryRing ring) throws IOException {
        String last;
        try (JournalRun run = JournalRun.start(command.last(1), JournalPosition.Head.INSTANCE)) {
            ObjectNode json = run.next();
            last = json == null ? null : JournalEntryParser.cursor(json);
        }
        JournalTail tail = new JournalTail(command, directory, ring, last);
        tail.thread.start();
        return tail;
    }

    /** The entry before ring entry 1: last when the tail started; null when the journal was empty. */
    String base() {
        return base;
    }

    EntryRing ring() {
        return ring;
    }

    /** The newest entry now, for a follower about to catch up through journalctl. */
    Mark mark() {
        TailEntry newest = ring.newestEntry();
        return newest == null ? new Mark(0, base) : new Mark(newest.seq(), newest.cursor());
    }

    void add(Wakeup follower) {
        followers.add(follower);
    }

    void remove(Wakeup follower) {
        followers.remove(follower);
    }

    /** Why the tail gave up, or null while it runs. */
    IOException failure() {
        return failure;
    }

    /**
     * Whether journalctl prints the entry {@code later} after the entry {@code earlier}: one run
     * over the entries from {@code earlier} on, cursors only. Both are cursors as journalctl
     * prints them.
     */
    boolean printsAfter(String earlier, String later) throws IOException {
        try (JournalRun run = JournalRun.start(command.cursorsFrom(earlier), new JournalPosition.After(earlier))) {
            for (ObjectNode json = run.next(); json != null; json = run.next()) {
                if (JournalEntryParser.cursor(json).equals(later)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The running journalctl, if any (tests kill it). */
    Optional<ProcessHandle> process() {
        JournalRun current = run;
        return current == null ? Optional.empty() : Optional.of(current.handle());
    }

    /** How often journalctl was started again after it ended. */
    int restarts() {
        return restarts.get();
    }

    /** Kills journalctl and ends the tail's thread; the followers must have left. */
    void stop() {
        stopping.countDown();
        JournalRun current = run;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("closing the journal tail's journalctl failed", e);
            }
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warnf("journal tail of %s did not stop within %s", directory, STOP_WAIT);
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    private void follow() {
        String after = base;
        int failedStarts = 0;
        while (!stopped()) {
            long started = System.nanoTime();
            long before = ring.newest();
            Exception why = null;
            JournalPosition from = after == null ? JournalPosition.Head.INSTANCE : new JournalPosition.After(after);
            try (JournalRun current = JournalRun.entries(command.follow(after), from, command::follow)) {
                run = current;
                for (ObjectNode json = stopped() ? null : current.next(); json != null; json = current.next()) {
                    after = add(json);
                }
            } catch (IOException | RuntimeException e) {
                why = e;
            } finally {
                run = null;
            }
            if (stopped()) {
                return;
            }
            boolean healthy = ring.newest() > before || System.nanoTime() - started >= HEALTHY.toNanos();
            failedStarts = healthy ? 1 : failedStarts + 1;
            String reason = why == null ? "journalctl --follow ended" : firstLine(why.getMessage());
            if (failedStarts > MAX_FAILED_STARTS) {
                fail(reason, why);
                return;
            }
            Duration delay = backoff(failedStarts);
            restarts.incrementAndGet();
            LOG.warnf("journal tail of %s: %s; starting journalctl again in %d ms after %s", directory, reason,
                    delay.toMillis(), after == null ? "the head" : after);
            if (awaitStop(delay)) {
                return;
            }
        }
    }

    /** Adds an entry to the ring and wakes the followers; answers its cursor. */
    private String add(ObjectNode json) throws IOException {
        TailEntry entry = TailEntry.parse(ring.newest() + 1, json);
        ring.add(entry);
        followers.forEach(f -> f.fire(entry));
        return entry.cursor();
    }

    private void fail(String reason, Exception why) {
        failure = new IOException("following the journal in " + directory + " failed: " + reason, why);
        LOG.errorf("journal tail of %s gives up after %d failed starts: %s", directory, MAX_FAILED_STARTS, reason);
        followers.forEach(Wakeup::fire);
    }

    /** Jackson's messages go on with the input's location on further lines. */
    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    private static Duration backoff(int failedStarts) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(failedStarts - 1, 16));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private boolean awaitStop(Duration delay) {
        try {
            return stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
