package org.clusterlogs.cli;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a follow from another thread (Ctrl-C's shutdown hook, a test). A read blocked on an
 * HTTP response body is woken by interrupting the reading thread (closing the body alone
 * leaves it waiting for data that no longer comes); the body is closed too, so the connection
 * is let go. A back-off waits on the signal instead of sleeping.
 */
public final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private Closeable stream;
    private Thread reader;

    /** Stops: the stream being read, if any, is closed and its reader woken. */
    public void stop() {
        stopped.countDown();
        release();
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** The stream the calling thread now reads; given up at once when the signal has already come. */
    public void reading(Closeable stream) {
        synchronized (this) {
            this.stream = stream;
            this.reader = Thread.currentThread();
        }
        if (isStopped()) {
            release();
        }
    }

    /** The calling thread is done with the stream it read: a stop no longer needs to wake it. */
    public synchronized void doneReading() {
        stream = null;
        reader = null;
    }

    /**
     * Gives up the stream being read without stopping (a connection gone silent): it is closed
     * and its reader woken, which then sees its read fail.
     */
    public void abandon() {
        release();
    }

    /** Waits up to {@code time}; answers whether the signal came. */
    public boolean await(Duration time) throws InterruptedException {
        return stopped.await(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void release() {
        Closeable current;
        Thread thread;
        synchronized (this) {
            current = stream;
            thread = reader;
            stream = null;
            reader = null;
        }
        if (thread != null) {
            thread.interrupt();
        }
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // the stream is given up; nothing is left to read from it
            }
        }
    }
}
