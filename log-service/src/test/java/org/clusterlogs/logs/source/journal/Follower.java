package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.Position;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A follower driven the way LogStream drives one: on an executor, it reads until the reader
 * answers null, then waits for the reader's own wake-up ({@link EntryReader#onNewEntries}).
 * Nothing here polls the reader, so a follower that gets its entries proves the wake-up works.
 * The test thread only looks at what arrived.
 */
final class Follower implements AutoCloseable {

    private final JournalReader reader;
    private final Executor executor;
    private final AtomicInteger wip = new AtomicInteger();
    private final List<String> messages = new ArrayList<>();
    private volatile boolean paused;
    private volatile boolean closed;
    private boolean waiting;
    private Throwable failure;

    private Follower(JournalReader reader, Executor executor) {
        this.reader = reader;
        this.executor = executor;
    }

    /** Opens a reader at {@code from} and starts following. */
    static Follower start(JournalSource source, Position from, Executor executor) throws IOException {
        Follower f = new Follower((JournalReader) source.open(from), executor);
        f.schedule();
        return f;
    }

    /** Stops reading until {@link #resume()}, like a client that does not read. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        schedule();
    }

    JournalReader reader() {
        return reader;
    }

    private void schedule() {
        if (wip.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        int missed = 1;
        do {
            pump();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void pump() {
        if (closed || paused) {
            return;
        }
        try {
            for (Entry e = reader.next(); e != null && !paused; e = reader.next()) {
                synchronized (this) {
                    String message = e.fields().get("MESSAGE");
                    messages.add(message == null ? "<no MESSAGE: " + e.cursor() + " " + e.fields() + ">" : message);
                    notifyAll();
                }
            }
            if (!waiting && !paused) {
                waiting = true;
                reader.onNewEntries(this::schedule);
            }
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    /** Waits until {@code count} entries arrived in all; answers the MESSAGE of every entry so far. */
    synchronized List<String> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count && failure == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("follower got " + messages.size() + " of " + count + " entries within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (failure != null) {
            throw new AssertionError("follower failed", failure);
        }
        return messages();
    }

    /** Waits until reading failed; answers why. */
    synchronized Throwable awaitFailure(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failure == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("follower did not fail within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return failure;
    }

    /** Waits for exactly these messages: all of them, and nothing more within {@code quiet}. */
    void assertGets(List<String> expected, Duration timeout, Duration quiet) throws InterruptedException {
        await(expected.size(), timeout);
        Thread.sleep(quiet.toMillis());
        assertEquals(expected, messages());
    }

    /** The MESSAGE of every entry so far, in order. */
    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** Why reading failed, or null. */
    synchronized Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        reader.close();
    }
}
