package org.clusterlogs.logs.source.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shared tails of this process: one {@link JournalTail} per journalctl and journal
 * directory while anybody follows it, started by the first follower and stopped when the last
 * one leaves, so an idle node holds no journalctl.
 */
final class JournalTails {

    /** How many recent entries a tail keeps for followers that lag behind. */
    static final int RING_ENTRIES = 4096;
    /** …and at most this much of their text and fields (the heap they take is a few times more). */
    static final long RING_BYTES = 8L * 1024 * 1024;

    /** The tails the service's journal sources share; stopped when the JVM exits. */
    static final JournalTails SHARED = new JournalTails(RING_ENTRIES, RING_BYTES).stoppedOnExit();

    private final int ringEntries;
    private final long ringBytes;
    private final Map<Key, Shared> tails = new HashMap<>();

    private record Key(String journalctl, Path directory) {
        static Key of(String journalctl, Path directory) {
            return new Key(journalctl, directory.toAbsolutePath().normalize());
        }
    }

    private static final class Shared {
        final JournalTail tail;
        int followers;

        Shared(JournalTail tail) {
            this.tail = tail;
        }
    }

    /** A follower's membership of a tail; closing it leaves the tail. */
    interface Lease extends AutoCloseable {
        JournalTail tail();

        @Override
        void close();
    }

    JournalTails(int ringEntries, long ringBytes) {
        this.ringEntries = ringEntries;
        this.ringBytes = ringBytes;
    }

    /**
     * Joins the tail of this directory, starting it when nobody follows it (or its journalctl
     * gave up); the tail fires {@code wakeup} after each new entry until the lease is closed.
     */
    Lease join(String journalctl, Path directory, Wakeup wakeup) throws IOException {
        Key key = Key.of(journalctl, directory);
        Shared joined;
        synchronized (this) {
            joined = tails.get(key);
            if (joined == null || joined.tail.failure() != null) {
                JournalctlCommand unfiltered = new JournalctlCommand(journalctl, directory, List.of());
                joined = new Shared(JournalTail.start(unfiltered, directory, new EntryRing(ringEntries, ringBytes)));
                tails.put(key, joined);
            }
            joined.followers++;
        }
        joined.tail.add(wakeup);
        Shared shared = joined;
        AtomicBoolean left = new AtomicBoolean();
        return new Lease() {
            @Override
            public JournalTail tail() {
                return shared.tail;
            }

            @Override
            public void close() {
                if (left.compareAndSet(false, true)) {
                    leave(key, shared, wakeup);
                }
            }
        };
    }

    /** The tail of this directory while anybody follows it (tests). */
    synchronized Optional<JournalTail> running(String journalctl, Path directory) {
        Shared shared = tails.get(Key.of(journalctl, directory));
        return shared == null ? Optional.empty() : Optional.of(shared.tail);
    }

    private void leave(Key key, Shared shared, Wakeup wakeup) {
        shared.tail.remove(wakeup);
        synchronized (this) {
            if (--shared.followers > 0) {
                return;
            }
            tails.remove(key, shared);
        }
        shared.tail.stop();
    }

    private JournalTails stoppedOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<Shared> all;
            synchronized (this) {
                all = new ArrayList<>(tails.values());
                tails.clear();
            }
            all.forEach(s -> s.tail.stop());
        }, "journal-tails-stop"));
        return this;
    }
}
