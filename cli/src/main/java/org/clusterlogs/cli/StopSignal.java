package org.clusterlogs.cli;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a follow from another thread (Ctrl-C's shutdown hook, a test): a read blocked on the
 * stream cannot be interrupted, so stopping closes the stream being read, and a back-off
 * waits on the signal instead of sleeping.
 */
public final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private Closeable current;

    /** Stops: the stream being read, if any, is closed. */
    public void stop() {
        stopped.countDown();
        closeQuietly(swap(null));
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** The stream now being read; closed at once when the signal has already come. */
    public void reading(Closeable stream) {
        swap(stream);
        if (isStopped()) {
            closeQuietly(swap(null));
        }
    }

    /** Waits up to {@code time}; answers whether the signal came. */
    public boolean await(Duration time) throws InterruptedException {
        return stopped.await(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized Closeable swap(Closeable next) {
        Closeable previous = current;
        current = next;
        return previous;
    }

    private static void closeQuietly(Closeable stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // the stream is being given up; nothing is left to read from it
            }
        }
    }
}
