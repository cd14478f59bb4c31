package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.StopSignal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives up a followed stream that has sent nothing for {@code silence}, not even log-service's
 * {@code : ping} (every 15 s): a connection that died without a reset (a NAT or load balancer
 * that forgot it, a peer that vanished) never fails a read by itself, and the follow would wait
 * forever. The stream is abandoned through the {@link StopSignal}, so the follower's read fails
 * and it reconnects as after any drop.
 */
final class SilenceWatch implements AutoCloseable {

    private final Duration silence;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile long lastData = System.nanoTime();
    private volatile boolean armed;

    SilenceWatch(Duration silence, StopSignal reading) {
        this.silence = silence;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "clusterlogs-silence-watch");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(silence.toMillis() / 4, 1);
        timer.scheduleAtFixedRate(() -> {
            if (armed && System.nanoTime() - lastData > silence.toNanos()) {
                armed = false;
                fired.set(true);
                reading.abandon();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Watches from now on: the request being sent, or the stream being read, must show data within the silence. */
    void arm() {
        lastData = System.nanoTime();
        armed = true;
    }

    /** Nothing is being waited for (a back-off). */
    void disarm() {
        armed = false;
    }

    /** {@code in}, its silence watched from now on. */
    InputStream watch(InputStream in) {
        arm();
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                lastData = System.nanoTime();
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                lastData = System.nanoTime();
                return read;
            }
        };
    }

    /** Whether the watch gave up a stream since last asked; with the reason when it did. */
    String firedSince() {
        return fired.getAndSet(false) ? "nothing received for " + silence.toSeconds() + " s" : null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
