package org.clusterlogs.logs.read;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.clusterlogs.logs.follow.ChangeNotifier;
import org.clusterlogs.logs.metrics.LogMetrics;
import org.clusterlogs.logs.read.format.EntryFormat;
import org.clusterlogs.logs.read.format.SseFormat;
import org.clusterlogs.logs.read.format.TextFormat;
import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.LogSource;
import org.clusterlogs.logs.source.Position;
import org.clusterlogs.logs.source.SourceOpener;
import org.clusterlogs.logs.source.UnchangedBytes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One response that reads a log: a range (ends at the current end of the log) or, for SSE, a
 * follow (never ends until the client goes). Work happens in {@link #pump()} runs on the read
 * executor, one at a time; a run reads until the response's write queue is full or the log
 * has nothing new, and then returns: the drain handler or a change notification schedules
 * the next run. So a waiting stream holds no thread, and a slow client never makes the
 * service buffer more than one chunk.
 */
public final class LogStream {

    private static final Logger LOG = Logger.getLogger(LogStream.class);
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int FOLLOW_CHUNK_HINT = 2 * 1024;

    private final Client client;
    private final HttpServerResponse response;
    private final SourceOpener opener;
    private final FieldFilter filter;
    private final ReadParams params;
    private final EntryFormat format;
    private final Deps deps;
    private final AtomicInteger wip = new AtomicInteger();

    private volatile boolean closed;
    /** Set when the stream must end at its next turn although the log goes on (the caller's access ended). */
    private volatile boolean endRequested;
    /** Set when a follower must end once it has read everything there is ({@code until} passed). */
    private volatile boolean endWhenCaughtUp;
    private LogSource source;
    private EntryReader reader;
    private long skipLeft;
    private long remaining;
    private boolean headersSent;
    private boolean anythingSent;
    private ChangeNotifier.Subscription subscription;
    private KeepAlive.Registration keepAlive;
    private volatile long lastWriteNanos = System.nanoTime();
    private boolean released;
    /** How long a follower of a busy log holds new entries back after a write; 0: never. */
    private long batchNanos;
    /** Whether the last run read everything there was (a wake-up now means something new). */
    private boolean caughtUp;
    /** {@link #FREE}, {@link #HELD} until the batch interval is over, then {@link #RESUMED}. */
    private final AtomicInteger batch = new AtomicInteger(FREE);
    private static final int FREE = 0;
    private static final int HELD = 1;
    private static final int RESUMED = 2;

    /** What every stream needs from the service. */
    public record Deps(Executor executor, ChangeNotifier notifier, LogMetrics metrics, KeepAlive keepAlive,
                       FollowBatcher batcher) {
    }

    /**
     * The request's side of a stream.
     *
     * @param response        where the answer goes
     * @param zeroCopy        how to send file bytes to this client without copying them; null when
     *                        the connection cannot (TLS, HTTP/2)
     * @param failBeforeStart answers a failure before anything was sent (a problem response)
     * @param permit          given back when the stream is released (its place under the stream caps)
     */
    public record Client(HttpServerResponse response, FileSender.Link zeroCopy, Consumer<Throwable> failBeforeStart,
                         StreamLimiter.Permit permit) {
    }

    public LogStream(Client client, SourceOpener opener, FieldFilter filter, ReadParams params, EntryFormat format,
                     Deps deps) {
        this.client = client;
        this.response = client.response();
        this.opener = opener;
        this.filter = filter;
        this.params = params;
        this.format = format;
        this.deps = deps;
        this.skipLeft = Math.max(0, params.skip());
        this.remaining = params.limit() == 0 ? Long.MAX_VALUE : params.limit();
    }

    /** Starts reading; the response is answered from the read executor. */
    public void start() {
        deps.metrics().streamOpened();
        response.closeHandler(v -> clientGone());
        response.exceptionHandler(e -> clientGone());
        schedule();
    }

    /**
     * Ends the stream at its next turn as a finished read ends (a clean end of the body, no
     * error): the client resumes from the last cursor it got. A range sent zero-copy ends by itself.
     */
    public void endNow() {
        endRequested = true;
        schedule();
    }

    /**
     * Makes a follower end, cleanly, the next time it has read everything the log holds (the
     * wall clock passed {@code until}: nothing written from now on is in its bounds).
     */
    public void endWhenCaughtUp() {
        endWhenCaughtUp = true;
        schedule();
    }

    private void clientGone() {
        closed = true;
        schedule();
    }

    private void schedule() {
        if (wip.getAndIncrement() == 0) {
            deps.executor().execute(this::drain);
        }
    }

    private void drain() {
        int missed = 1;
        do {
            try {
                pump();
            } catch (Throwable e) { // an Error, or a failure while failing: never leave the stream scheduled forever
                LOG.errorf(e, "log stream failed unexpectedly; closing it");
                abort();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void pump() {
        if (closed) {
            release();
            return;
        }
        try {
            if (reader == null) {
                source = opener.open(filter);
                batchNanos = source.followsInBatches() ? deps.batcher().intervalNanos() : 0;
                try {
                    Position start = StartPosition.of(source, params);
                    if (sendUnchanged(start)) {
                        return;
                    }
                    reader = source.open(start);
                } finally {
                    source.close(); // what positioning held open, also when it failed; the reader has its own
                }
            }
            if (endRequested) {
                finish();
                return;
            }
            if (holdsBack()) {
                return;
            }
            Buffer chunk = null; // made on the first entry: an idle wake-up allocates nothing
            long entries = 0;
            boolean atEnd = false;
            while ((chunk == null || chunk.length() < CHUNK_BYTES) && remaining > 0) {
                Entry entry = reader.next();
                if (entry == null && !format.follows()) {
                    entry = reader.flushPartial();
                }
                if (entry == null) {
                    atEnd = true;
                    break;
                }
                if (skipLeft > 0) {
                    skipLeft--;
                    continue;
                }
                remaining--;
                entries++;
                if (chunk == null) {
                    // a follower woken for a few new entries needs a few hundred bytes, not a whole chunk
                    chunk = Buffer.buffer(subscription != null ? FOLLOW_CHUNK_HINT : CHUNK_BYTES + 1024);
                }
                format.append(entry, chunk);
            }
            caughtUp = atEnd;
            boolean finished = remaining == 0 || atEnd && (!format.follows() || endWhenCaughtUp);
            if (entries > 0) {
                write(chunk, entries);
            }
            if (finished) {
                finish();
            } else if (!atEnd) {
                continueWhenWritable();
            } else {
                waitForChange();
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /**
     * A text range whose answer is the file's own bytes goes out with {@code sendfile}, never
     * read into the service; the stream is released when the bytes are out.
     */
    private boolean sendUnchanged(Position start) throws IOException {
        if (client.zeroCopy() == null || !(format instanceof TextFormat) || skipLeft > 0 || remaining != Long.MAX_VALUE) {
            return false;
        }
        Optional<UnchangedBytes> bytes = source.unchangedText(start);
        if (bytes.isEmpty()) {
            return false;
        }
        UnchangedBytes range = bytes.get();
        sendHeaders(200, false);
        anythingSent = true;
        client.zeroCopy().send(range, sent -> {
            if (sent) {
                deps.metrics().served(0, range.length());
            }
            closed = true;
            schedule();
        });
        return true;
    }

    private void write(Buffer chunk, long entries) {
        sendHeaders(200, true);
        anythingSent = true;
        lastWriteNanos = System.nanoTime();
        deps.metrics().served(entries, chunk.length());
        response.write(chunk);
    }

    private void sendHeaders(int status, boolean chunked) {
        if (headersSent) {
            return;
        }
        headersSent = true;
        response.setStatusCode(status);
        response.putHeader("Cache-Control", "no-cache");
        response.putHeader("Access-Control-Allow-Origin", "*");
        if (status == 204) {
            return;
        }
        response.putHeader("Content-Type", format.contentType());
        response.putHeader("X-Content-Type-Options", "nosniff");
        if (format.follows()) {
            response.putHeader("X-Accel-Buffering", "no");
        }
        response.setChunked(chunked);
    }

    /**
     * Whether a follower of a busy log that wrote a moment ago waits for the end of the batch
     * interval before it reads what is new (then it reads all of it at once). A follower that
     * holds back reads nothing, so a journal follower is not woken again meanwhile.
     */
    private boolean holdsBack() {
        if (batchNanos == 0 || subscription == null || !caughtUp) {
            return false; // not a follower of a busy log, or still reading a backlog: on at once
        }
        int state = batch.get();
        if (state == HELD) {
            return true;
        }
        if (state == RESUMED) {
            batch.set(FREE);
            return false;
        }
        if (System.nanoTime() - lastWriteNanos >= batchNanos) {
            return false;
        }
        batch.set(HELD);
        deps.batcher().resumeLater(() -> {
            batch.set(RESUMED);
            schedule();
        });
        return true;
    }

    private void continueWhenWritable() {
        response.drainHandler(v -> schedule());
        if (!response.writeQueueFull()) {
            // back of the queue: a long read takes turns with the other streams' reads
            deps.executor().execute(this::schedule);
        }
    }

    private void waitForChange() throws IOException {
        if (subscription == null) {
            subscription = deps.notifier().watch(source.watchPaths(), this::schedule);
            reader.onNewEntries(this::schedule);
            keepAlive = deps.keepAlive().add(this::pingIfQuietFor);
            // one more look now that the watch stands: a write between the read that found the
            // end and the watch would otherwise wait for the next change (or the periodic re-check)
            schedule();
        }
        if (!anythingSent) {
            // the first idle moment of a stream pings at once: the client sees a live stream,
            // already watched
            sendHeaders(200, true);
            ping();
        }
    }

    private void pingIfQuietFor(long nanos) {
        if (!closed && System.nanoTime() - lastWriteNanos >= nanos) {
            ping();
        }
    }

    private void ping() {
        anythingSent = true;
        lastWriteNanos = System.nanoTime();
        response.write(Buffer.buffer(SseFormat.PING));
    }

    private void finish() {
        if (!headersSent) {
            sendHeaders(204, false);
        }
        closed = true;
        response.end();
        release();
    }

    private void fail(Throwable e) {
        if (closed) {
            release(); // the client went away while we wrote
            return;
        }
        if (!headersSent) {
            closed = true;
            release();
            client.failBeforeStart().accept(e);
            return;
        }
        deps.metrics().readError();
        LOG.warnf(e, "log stream failed after it started; closing it");
        abort();
    }

    /** Ends the stream without a clean end: the client sees the connection reset, not a finished log. */
    private void abort() {
        closed = true;
        try {
            response.reset();
        } catch (RuntimeException e) {
            LOG.debug("resetting a failed stream's connection failed", e);
        }
        release();
    }

    /** Lets go of the file or process, the watch and the timer; runs once. */
    private void release() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (keepAlive != null) {
            keepAlive.close();
            keepAlive = null;
        }
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.debug("closing a log reader failed", e);
            }
            reader = null;
        }
        if (!released) {
            released = true;
            deps.metrics().streamClosed();
            client.permit().close();
        }
    }
}
