package org.clusterlogs.messagelogging.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte-array queue of a destination: order, both bounds, wrapping, growing, many producers. */
@Timeout(60)
class RecordQueueTest {

    private static final RecordFormat OTHER = (out, ts, message) -> out.append("other ").append(message);

    private static boolean offer(RecordQueue queue, long ts, String message) {
        return queue.offer(ts, message.getBytes(StandardCharsets.UTF_8), RecordFormat.PLAIN);
    }

    private static List<QueuedRecord> drain(RecordQueue queue, int max) {
        List<QueuedRecord> batch = new ArrayList<>();
        queue.drainTo(batch, max, Integer.MAX_VALUE);
        return batch;
    }

    @Test
    void recordsComeOutAsTheyWentInWithTheirTimeAndFormat() {
        RecordQueue queue = new RecordQueue(10, 1024);
        assertTrue(offer(queue, 1, "first"));
        assertTrue(queue.offer(2, "ünïcode €".getBytes(StandardCharsets.UTF_8), OTHER));
        assertTrue(offer(queue, 3, ""));
        List<QueuedRecord> batch = drain(queue, 10);
        assertEquals(List.of(new QueuedRecord(1, "first", RecordFormat.PLAIN), new QueuedRecord(2, "ünïcode €", OTHER),
                new QueuedRecord(3, "", RecordFormat.PLAIN)), batch);
        assertSame(OTHER, batch.get(1).format());
        assertEquals(0, queue.size());
    }

    @Test
    void boundedInRecordsAndInBytes() {
        RecordQueue byCount = new RecordQueue(3, 1024);
        assertTrue(offer(byCount, 0, "a") && offer(byCount, 0, "b") && offer(byCount, 0, "c"));
        assertFalse(offer(byCount, 0, "d"), "a fourth record");
        assertEquals(1, drain(byCount, 1).size());
        assertTrue(offer(byCount, 0, "d"), "room again once one was taken");

        RecordQueue byBytes = new RecordQueue(100, 10);
        assertTrue(offer(byBytes, 0, "12345678"));
        assertFalse(offer(byBytes, 0, "123"), "8 + 3 bytes > 10");
        assertTrue(offer(byBytes, 0, "12"));
        assertFalse(offer(byBytes, 0, "é"), "two bytes, not one char");
        assertEquals(List.of("12345678", "12"), drain(byBytes, 10).stream().map(QueuedRecord::message).toList());
    }

    @Test
    void messagesWrappingAroundTheEndOfTheArrayComeOutWhole() {
        RecordQueue queue = new RecordQueue(8, 20); // 20 bytes: every few records wrap, some split inside a character
        List<String> sent = new ArrayList<>();
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String message = i + (i % 3 == 0 ? "€ü" : "ab");
            while (!offer(queue, i, message)) {
                drain(queue, 2).forEach(r -> received.add(r.message()));
            }
            sent.add(message);
        }
        drain(queue, 100).forEach(r -> received.add(r.message()));
        assertEquals(sent, received);
    }

    @Test
    void growsUpToItsByteBoundKeepingOrderAcrossTheWrap() {
        RecordQueue queue = new RecordQueue(100_000, 4 * 1024 * 1024);
        String kilobyte = "k".repeat(1023);
        for (int i = 0; i < 40; i++) {
            assertTrue(offer(queue, i, i + kilobyte));
        }
        assertEquals(30, drain(queue, 30).size()); // the head is now inside the first 64 KiB
        List<String> expected = new ArrayList<>();
        for (int i = 30; i < 3000; i++) {
            if (i >= 40) {
                assertTrue(offer(queue, i, i + kilobyte), "record " + i);
            }
            expected.add(i + kilobyte);
        }
        assertEquals(expected, drain(queue, 100_000).stream().map(QueuedRecord::message).toList());
    }

    @Test
    void aBatchStopsAtItsByteLimitButAlwaysTakesOneRecord() {
        RecordQueue queue = new RecordQueue(10, 1024);
        offer(queue, 0, "a".repeat(300));
        offer(queue, 0, "b".repeat(300));
        offer(queue, 0, "c".repeat(300));
        offer(queue, 0, "d");
        List<QueuedRecord> batch = new ArrayList<>();
        assertEquals(1, queue.drainTo(batch, 10, 200), "the first alone is over the limit: taken alone");
        assertEquals(1, queue.drainTo(batch, 10, 400), "300 + 300 bytes would be over the limit");
        assertEquals(2, queue.drainTo(batch, 10, 400), "300 + 1 bytes are not");
        assertEquals(List.of(300, 300, 300, 1), batch.stream().map(r -> r.message().length()).toList());
    }

    @Test
    void manyProducersOneWriterEveryRecordOnceInEachProducersOrder() throws InterruptedException {
        RecordQueue queue = new RecordQueue(64, 2048);
        int producers = 8;
        int each = 20_000;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    while (!offer(queue, producer, producer + ":" + i + ":" + "p".repeat(i % 50))) {
                        Thread.onSpinWait();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        int[] next = new int[producers];
        int received = 0;
        List<QueuedRecord> batch = new ArrayList<>();
        while (received < producers * each) {
            if (!queue.await(10, TimeUnit.SECONDS)) {
                break;
            }
            batch.clear();
            queue.drainTo(batch, 16, 512);
            for (QueuedRecord record : batch) {
                String[] parts = record.message().split(":", -1);
                int producer = Integer.parseInt(parts[0]);
                assertEquals(producer, record.timestampMillis());
                assertEquals(next[producer]++, Integer.parseInt(parts[1]), "producer " + producer + "'s order");
                assertEquals(Integer.parseInt(parts[1]) % 50, parts[2].length());
            }
            received += batch.size();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(producers * each, received);
        assertEquals(0, queue.size());
    }

    @Test
    void clearDropsEverythingAndCountsIt() {
        RecordQueue queue = new RecordQueue(10, 100);
        offer(queue, 0, "a");
        offer(queue, 0, "b");
        assertEquals(2, queue.clear());
        assertEquals(0, queue.size());
        assertTrue(offer(queue, 0, "c"));
        assertEquals("c", drain(queue, 10).get(0).message());
    }
}
