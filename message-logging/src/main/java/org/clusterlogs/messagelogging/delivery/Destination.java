package org.clusterlogs.messagelogging.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One destination: a bounded queue and the one writer thread that drains it into a {@link Sink}.
 *
 * <p>{@link #offer} is what a request thread calls: it never waits for room and never does I/O.
 * A full queue drops the newest record (the queued ones keep their order); a message over the
 * size limit is dropped before it takes room. The writer sends records in batches, in order: woken
 * by a record, it waits the batch delay for more to go along (unless a full batch is waiting), so
 * a busy service costs the machine one write and one wake-up per few milliseconds, not per call. When
 * the sink fails it keeps the batch, waits (exponential back-off) and tries again, so nothing
 * offered below capacity is lost while a syslog server restarts. Closing stops new offers and
 * waits for the queue to drain, up to the close timeout.
 */
public final class Destination implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Destination.class);
    /** Records written per sink call: large enough to amortise a write, small enough to keep memory flat. */
    static final int MAX_BATCH = 512;
    /** Message bytes per sink call, unless one record alone is larger. */
    static final int MAX_BATCH_BYTES = 256 * 1024;
    private static final long IDLE_POLL_MILLIS = 100;

    private final String id;
    private final Sink sink;
    private final QueueSettings settings;
    private final Clock clock;
    private final RecordQueue queue;
    private final DestinationMetrics metrics;
    private final OverflowWarning warning;
    private final Backoff backoff;
    private final Thread writer;
    private volatile boolean closing;
    private volatile long giveUpAtMillis = Long.MAX_VALUE;

    /**
     * Starts the destination's writer thread.
     *
     * @param id       names the destination in metrics, logs and the thread, e.g. {@code syslog+tcp://host:514}
     * @param sink     the I/O end, used only by the writer thread from now on
     * @param settings capacity, record size, back-off, close timeout
     * @param registry where the destination's meters go
     * @param clock    for the rate of the overflow warning
     */
    public Destination(String id, Sink sink, QueueSettings settings, MeterRegistry registry, Clock clock) {
        this.id = id;
        this.sink = sink;
        this.settings = settings;
        this.clock = clock;
        this.queue = new RecordQueue(settings.capacity(), settings.capacityBytes());
        this.metrics = new DestinationMetrics(registry, id, queue::size);
        this.warning = new OverflowWarning(id, clock);
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.writer = new Thread(this::run, "messagelogging-" + id);
        writer.setDaemon(true);
        writer.start();
    }

    public String id() {
        return id;
    }

    /**
     * Hands a record to the writer, without waiting.
     *
     * @return false when it was dropped (queue full, too large, destination closed) and counted
     */
    public boolean offer(long timestampMillis, String message, RecordFormat format) {
        if (closing) {
            metrics.dropped(DropReason.CLOSED, 1);
            return false;
        }
        if (message.length() > settings.maxRecordBytes()) {
            drop(DropReason.OVERSIZE); // a char is at least one byte: too large without encoding it
            return false;
        }
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > settings.maxRecordBytes()) {
            drop(DropReason.OVERSIZE);
            return false;
        }
        if (!queue.offer(timestampMillis, utf8, format)) {
            drop(DropReason.QUEUE_FULL);
            return false;
        }
        metrics.queued();
        return true;
    }

    /** {@link #offer(long, String, RecordFormat)} of a record at hand. */
    public boolean offer(QueuedRecord record) {
        return offer(record.timestampMillis(), record.message(), record.format());
    }

    private void drop(DropReason reason) {
        metrics.dropped(reason, 1);
        warning.dropped(reason, metrics);
    }

    /** Records dropped for that reason so far (also readable after close, when the meters are gone). */
    public long dropped(DropReason reason) {
        return metrics.dropped(reason);
    }

    /** Records waiting now. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        List<QueuedRecord> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                if (!queue.await(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (closing) {
                        break;
                    }
                    continue;
                }
                awaitMore();
                queue.drainTo(batch, MAX_BATCH, MAX_BATCH_BYTES);
                if (!deliver(batch)) {
                    break;
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            metrics.dropped(DropReason.CLOSED, batch.size());
        } finally {
            sink.close();
        }
    }

    /** The batch delay, unless a full batch is already waiting or the destination is closing. */
    private void awaitMore() {
        long delay = settings.batchDelay().toNanos();
        if (delay > 0 && queue.size() < MAX_BATCH && !closing) {
            LockSupport.parkNanos(this, delay); // close() unparks it
        }
    }

    /** Delivers the batch, retrying with back-off; false when closing gave up on it. */
    private boolean deliver(List<QueuedRecord> batch) throws InterruptedException {
        int failures = 0;
        while (true) {
            try {
                int written = sink.deliver(batch);
                metrics.sent(written);
                if (written < batch.size()) {
                    metrics.dropped(DropReason.OVERSIZE, batch.size() - written);
                }
                if (failures > 0) {
                    LOG.infof("message logging destination %s: delivering again after %d failed attempts", id, failures);
                }
                backoff.reset();
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failures++;
                sink.close();
                if (failures == 1) {
                    LOG.warnf("message logging destination %s: cannot deliver (%s); %d records wait, retrying with back-off",
                            id, e.toString(), queue.size() + batch.size());
                }
                long wait = backoff.next();
                if (clock.millis() + wait > giveUpAtMillis) {
                    metrics.dropped(DropReason.CLOSED, batch.size());
                    return false;
                }
                Thread.sleep(wait);
                metrics.reconnect();
            }
        }
    }

    /**
     * Stops accepting records and waits for the writer to deliver what is queued, at most the close
     * timeout; whatever is still queued then is dropped and counted. Removes the meters.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        giveUpAtMillis = clock.millis() + settings.closeTimeout().toMillis();
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(settings.closeTimeout().toMillis() + IDLE_POLL_MILLIS);
            if (writer.isAlive()) {
                writer.interrupt();
                writer.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = queue.clear();
        if (left > 0) {
            metrics.dropped(DropReason.CLOSED, left);
            LOG.warnf("message logging destination %s closed with %d records undelivered", id, left);
        }
        metrics.remove();
    }
}
