package org.clusterlogs.logs.read;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Held-back followers go on together once the interval is over, each exactly once, none forgotten. */
class FollowBatcherTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final Vertx vertx = Vertx.vertx();
    private final FollowBatcher batcher = new FollowBatcher(vertx, INTERVAL);

    @AfterEach
    void close() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        vertx.close().onComplete(r -> closed.countDown());
        closed.await(10, TimeUnit.SECONDS);
    }

    @Test
    void everyWaitingFollowerGoesOnOnceWhenTheIntervalIsOver() throws InterruptedException {
        int followers = 200;
        ConcurrentHashMap<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(followers);
        long start = System.nanoTime();
        for (int i = 0; i < followers; i++) {
            AtomicInteger count = runs.computeIfAbsent(i, k -> new AtomicInteger());
            batcher.resumeLater(() -> {
                count.incrementAndGet();
                all.countDown();
            });
        }
        assertTrue(all.await(5, TimeUnit.SECONDS), "all went on");
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMs >= INTERVAL.toMillis() - 5, "none went on before the interval was over: " + waitedMs);
        Thread.sleep(3 * INTERVAL.toMillis()); // a second run would come now
        runs.forEach((i, count) -> assertEquals(1, count.get(), "follower " + i + " went on once"));
    }

    @Test
    void aFollowerHeldBackWhileOthersGoOnIsNotForgotten() throws InterruptedException {
        CountDownLatch late = new CountDownLatch(1);
        CountDownLatch first = new CountDownLatch(1);
        // the first one, when it goes on, is held back again right away (it wrote a moment ago)
        batcher.resumeLater(() -> {
            batcher.resumeLater(late::countDown);
            first.countDown();
        });
        assertTrue(first.await(5, TimeUnit.SECONDS));
        long released = System.nanoTime();
        assertTrue(late.await(5, TimeUnit.SECONDS), "held back during a release: goes on in the next one");
        assertTrue((System.nanoTime() - released) / 1_000_000 >= INTERVAL.toMillis() - 5, "after another interval");
    }

    @Test
    void batchingOffIsAZeroInterval() {
        assertEquals(0, new FollowBatcher(vertx, Duration.ZERO).intervalNanos());
        assertEquals(100_000_000L, batcher.intervalNanos());
    }
}
