package org.clusterlogs.messagelogging.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.clusterlogs.messagelogging.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue and writer of a destination against sinks the test controls: order, nothing lost below
 * capacity, drop-newest above it, oversize records, retries after failures, flushing on close.
 * The timeouts only keep a broken build from hanging: nothing here measures speed.
 */
@Timeout(60)
class DestinationTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = MutableClock.at("2026-11-30T12:00:00Z");
    private Destination destination;

    @AfterEach
    void close() {
        if (destination != null) {
            destination.close();
        }
    }

    private static QueueSettings settings(int capacity, int maxBytes) {
        return settings(capacity, maxBytes, Duration.ZERO);
    }

    private static QueueSettings settings(int capacity, int maxBytes, Duration batchDelay) {
        return new QueueSettings(capacity, Math.max(maxBytes, 1024 * 1024), maxBytes, Duration.ofMillis(1), Duration.ofMillis(4),
                Duration.ofSeconds(5), batchDelay);
    }

    private static QueuedRecord record(String message) {
        return new QueuedRecord(0, message, RecordFormat.PLAIN);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    /** Records what it is given; the first delivery can be held until the test releases it. */
    private static final class RecordingSink implements Sink {
        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release;
        final AtomicInteger failuresLeft;
        final AtomicInteger closes = new AtomicInteger();

        RecordingSink(boolean hold, int failures) {
            release = new CountDownLatch(hold ? 1 : 0);
            failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public int deliver(List<QueuedRecord> batch) throws Exception {
            entered.countDown();
            release.await();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new java.io.IOException("connection refused (test)");
            }
            batch.forEach(r -> delivered.add(r.format().format(r.timestampMillis(), r.message())));
            batchSizes.add(batch.size());
            return batch.size();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void fullQueueDropsTheNewestAndKeepsOrder() throws InterruptedException {
        RecordingSink sink = new RecordingSink(true, 0);
        destination = new Destination("test", sink, settings(100, 1024), registry, clock);
        assertTrue(destination.offer(record("held")));
        assertTrue(sink.entered.await(10, TimeUnit.SECONDS)); // the writer holds "held"; the queue is empty
        for (int i = 0; i < 100; i++) {
            assertTrue(destination.offer(record("r" + i)), "below capacity nothing is dropped");
        }
        for (int i = 100; i < 150; i++) {
            assertFalse(destination.offer(record("r" + i)), "over capacity the newest is dropped at once");
        }
        assertEquals(100, destination.queued());
        assertEquals(50, count("messagelogging.records.dropped", "destination", "test", "reason", "queue_full"));
        assertEquals(101, count("messagelogging.records.queued", "destination", "test"));
        assertEquals(100, registry.get("messagelogging.queue").tags("destination", "test").gauge().value());

        sink.release.countDown();
        destination.close();
        List<String> expected = new ArrayList<>(List.of("held"));
        IntStream.range(0, 100).forEach(i -> expected.add("r" + i));
        assertEquals(expected, sink.delivered);
        destination = null;
    }

    @Test
    void recordsOfferedWithinTheBatchDelayGoInOneBatch() throws InterruptedException {
        RecordingSink sink = new RecordingSink(false, 0);
        destination = new Destination("delayed", sink, settings(100, 1024, Duration.ofMillis(500)), registry, clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(destination.offer(record("r" + i)));
        }
        while (sink.delivered.size() < 5) {
            Thread.sleep(10);
        }
        assertEquals(List.of(5), sink.batchSizes, "the writer woken by r0 waited for r1..r4");
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), sink.delivered);
    }

    @Test
    void closingDoesNotWaitOutTheBatchDelay() throws InterruptedException {
        RecordingSink sink = new RecordingSink(false, 0);
        // a delay far over the close timeout (5s): were it waited out, close would give up and drop the record
        destination = new Destination("slow", sink, settings(100, 1024, Duration.ofMinutes(10)), registry, clock);
        assertTrue(destination.offer(record("only")));
        Thread.sleep(50); // the writer has taken it and waits for more
        destination.close();
        assertEquals(List.of("only"), sink.delivered);
        assertEquals(0, destination.dropped(DropReason.CLOSED));
        destination = null;
    }

    @Test
    void sentCountsAndMetersGoAwayOnClose() {
        RecordingSink sink = new RecordingSink(false, 0);
        destination = new Destination("counted", sink, settings(10_000, 1024), registry, clock);
        for (int i = 0; i < 5000; i++) {
            assertTrue(destination.offer(record("r" + i)));
        }
        assertEquals(5000, count("messagelogging.records.queued", "destination", "counted"));
        destination.close();
        assertEquals(5000, sink.delivered.size());
        assertEquals("r4999", sink.delivered.get(4999));
        assertTrue(registry.find("messagelogging.records.sent").tags("destination", "counted").counters().isEmpty(),
                "an undeployed destination leaves no series behind");
        assertFalse(destination.offer(record("late")), "a closed destination accepts nothing");
        destination = null;
    }

    @Test
    void manyProducersEachKeepTheirOrderAndNothingIsLostBelowCapacity() throws InterruptedException {
        RecordingSink sink = new RecordingSink(false, 0);
        destination = new Destination("shared", sink, settings(10_000, 1024), registry, clock);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String prefix = "t" + t + "-";
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    destination.offer(record(prefix + i));
                }
            });
            producer.start();
            producers.add(producer);
        }
        for (Thread producer : producers) {
            producer.join();
        }
        assertEquals(8_000, count("messagelogging.records.queued", "destination", "shared"), "every offer accepted");
        destination.close();
        assertEquals(8_000, sink.delivered.size());
        for (int t = 0; t < 4; t++) {
            String prefix = "t" + t + "-";
            assertEquals(IntStream.range(0, 2_000).mapToObj(i -> prefix + i).toList(),
                    sink.delivered.stream().filter(r -> r.startsWith(prefix)).toList());
        }
        destination = null;
    }

    @Test
    void oversizeIsMeasuredInUtf8Bytes() {
        RecordingSink sink = new RecordingSink(false, 0);
        destination = new Destination("sized", sink, settings(100, 10), registry, clock);
        assertTrue(destination.offer(record("ééééé")));        // 10 bytes
        assertFalse(destination.offer(record("éééééé")));      // 12 bytes, 6 chars
        assertFalse(destination.offer(record("x".repeat(11))));
        assertTrue(destination.offer(record("x".repeat(10))));
        assertEquals(2, count("messagelogging.records.dropped", "destination", "sized", "reason", "oversize"));
        destination.close();
        assertEquals(List.of("ééééé", "xxxxxxxxxx"), sink.delivered);
        destination = null;
    }

    @Test
    void failuresAreRetriedWithTheSameBatchInOrder() {
        RecordingSink sink = new RecordingSink(false, 5);
        destination = new Destination("flaky", sink, settings(100, 1024), registry, clock);
        for (int i = 0; i < 20; i++) {
            destination.offer(record("r" + i));
        }
        destination.close();
        assertEquals(IntStream.range(0, 20).mapToObj(i -> "r" + i).toList(), sink.delivered);
        destination = null;
        assertTrue(sink.closes.get() >= 5, "the sink is closed after each failure, so it reconnects");
    }

    @Test
    void reconnectsAreCounted() throws InterruptedException {
        RecordingSink sink = new RecordingSink(false, 3);
        destination = new Destination("retry", sink, settings(100, 1024), registry, clock);
        destination.offer(record("one"));
        while (sink.delivered.isEmpty()) {
            Thread.sleep(5);
        }
        assertEquals(3, count("messagelogging.reconnects", "destination", "retry"));
        assertEquals(1, count("messagelogging.records.sent", "destination", "retry"));
    }

    @Test
    void closeGivesUpOnADeadSinkAfterItsTimeout() {
        RecordingSink sink = new RecordingSink(false, Integer.MAX_VALUE);
        Destination dead = new Destination("dead", sink,
                new QueueSettings(100, 1024 * 1024, 1024, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMillis(200), Duration.ZERO), registry, clock);
        for (int i = 0; i < 10; i++) {
            dead.offer(record("r" + i));
        }
        assertEquals(0, dead.dropped(DropReason.CLOSED));
        dead.close();
        assertEquals(10, dead.dropped(DropReason.CLOSED), "whatever was waiting is counted as dropped");
        assertTrue(sink.delivered.isEmpty());
    }

    @Test
    void overflowWarningAtMostOnceAMinute() {
        DestinationMetrics metrics = new DestinationMetrics(registry, "warned", () -> 0);
        OverflowWarning warning = new OverflowWarning("warned", clock);
        assertTrue(warning.dropped(DropReason.QUEUE_FULL, metrics));
        assertFalse(warning.dropped(DropReason.QUEUE_FULL, metrics));
        clock.advance(Duration.ofSeconds(59));
        assertFalse(warning.dropped(DropReason.OVERSIZE, metrics));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(warning.dropped(DropReason.OVERSIZE, metrics));
    }

    @Test
    void backoffDoublesUpToItsCapAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            waits.add(backoff.next());
        }
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 30000L, 30000L), waits);
        backoff.reset();
        assertEquals(100L, backoff.next());
    }
}
