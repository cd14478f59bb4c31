package org.clusterlogs.logs.read;

import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.clusterlogs.logs.config.LogsConfig;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets followers of busy logs send what is new in batches: a follower that wrote less than one
 * interval ago waits here, and all waiting followers go on together when the interval is over.
 * A quiet follower's first new entry goes out at once; a busy one's entries go out together, up
 * to one interval late, in one write instead of one write (and one system call) each. One timer
 * for all followers, set only while some are waiting.
 */
@Singleton // not @ApplicationScoped: no client proxy on the per-entry paths
public class FollowBatcher {

    private final Vertx vertx;
    private final long intervalMs;
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean timerSet = new AtomicBoolean();

    @Inject
    public FollowBatcher(Vertx vertx, LogsConfig config) {
        this(vertx, config.journalFollowBatch());
    }

    FollowBatcher(Vertx vertx, Duration interval) {
        this.vertx = vertx;
        this.intervalMs = interval.toMillis();
    }

    /** The interval in nanoseconds; 0 when batching is off. */
    long intervalNanos() {
        return intervalMs * 1_000_000L;
    }

    /** Runs {@code resume} once, when the current interval is over. */
    void resumeLater(Runnable resume) {
        waiting.add(resume);
        setTimerUnlessSet();
    }

    private void release() {
        timerSet.set(false);
        for (Runnable resume : waiting) {
            if (waiting.remove(resume)) {
                resume.run();
            }
        }
        if (!waiting.isEmpty()) {
            setTimerUnlessSet();
        }
    }

    private void setTimerUnlessSet() {
        if (timerSet.compareAndSet(false, true)) {
            vertx.setTimer(intervalMs, id -> release());
        }
    }
}
