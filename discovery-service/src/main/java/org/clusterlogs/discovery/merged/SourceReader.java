package org.clusterlogs.discovery.merged;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One read of one source from its node, as NDJSON (a range) or Server-Sent Events (a follow):
 * {@link #open} answers the node's status once its head has come, with the body held back;
 * {@link #stream} then delivers the body's entries one by one, with the node's back-pressure
 * ({@link #pause}/{@link #resume} stop reading its socket); {@link #body} reads a refusal's body.
 * Runs on the event loop of the request that made it, as do its callbacks.
 */
final class SourceReader {

    /** A line of up to 1 MiB as JSON, escapes and fields included, with room; the node never sends more. */
    private static final int MAX_RECORD = 16 * 1024 * 1024;

    /** What the body of a 200 gives. */
    interface Listener {
        void entry(MergedEntry entry);

        /** The node ended the answer properly. */
        void ended();

        /** The connection broke, or the node sent something that is not an entry. */
        void failed(Throwable cause);
    }

    private final MergedSource source;
    private final NodeLogClient client;
    private final ObjectMapper mapper;
    private final boolean sse;
    private HttpClientRequest request;
    private HttpClientResponse response;
    /** Bytes of a line whose newline has not come yet. */
    private Buffer pending = Buffer.buffer();
    private boolean cancelled;
    // the SSE event being read
    private Buffer data;

    SourceReader(MergedSource source, NodeLogClient client, ObjectMapper mapper, boolean sse) {
        this.source = source;
        this.client = client;
        this.mapper = mapper;
        this.sse = sse;
    }

    MergedSource source() {
        return source;
    }

    /** Sends the request; its status once the head came (the body waits), or the failure to reach the node. */
    Future<Integer> open(String positioning, MultiMap caller) {
        return client.open(source, positioning, sse ? MergedFormat.SSE.contentType() : MergedFormat.NDJSON.contentType(),
                caller).compose(opened -> {
                    request = opened;
                    if (cancelled) {
                        opened.reset();
                    }
                    return opened.send();
                }).map(answer -> {
                    answer.pause(); // claimed in the task that delivers the head: no body byte is lost
                    response = answer;
                    return answer.statusCode();
                });
    }

    /** The body of an answer that was not a 200, whole (a problem document is small). */
    Future<Buffer> body() {
        Future<Buffer> body = response.body();
        response.resume();
        return body;
    }

    /** The content type of the answer. */
    String contentType() {
        return response.getHeader("Content-Type");
    }

    /** Delivers the 200's entries to {@code listener} as they come. */
    void stream(Listener listener) {
        response.exceptionHandler(failure -> {
            if (!cancelled) { // a reset of ours is no failure of the node's
                listener.failed(failure);
            }
        });
        response.endHandler(end -> {
            if (cancelled) {
                return;
            }
            if (pending.length() > 0) {
                line(pending, listener); // a last line without its newline
                pending = Buffer.buffer();
            }
            if (!cancelled) {
                listener.ended();
            }
        });
        response.handler(chunk -> {
            int start = 0;
            int scanFrom = pending.length(); // what is pending holds no newline
            pending.appendBuffer(chunk);
            for (int i = scanFrom; i < pending.length() && !cancelled; i++) {
                if (pending.getByte(i) == '\n') {
                    line(pending.slice(start, i), listener);
                    start = i + 1;
                }
            }
            if (pending.length() > MAX_RECORD + start) {
                cancel();
                listener.failed(new IOException("a line of more than " + MAX_RECORD + " bytes"));
            }
            pending = start == 0 ? pending : pending.getBuffer(start, pending.length());
        });
        response.resume();
    }

    private void line(Buffer line, Listener listener) {
        if (cancelled) {
            return;
        }
        try {
            if (sse) {
                sseLine(line, listener);
            } else if (line.length() > 0) {
                listener.entry(MergedEntry.read(mapper, line.getBytes(), source));
            }
        } catch (IOException | RuntimeException e) {
            cancel();
            listener.failed(e);
        }
    }

    /** One line of an event stream: {@code data:} collects, a blank line ends the event; ids and comments are not needed (the entry carries its cursor). */
    private void sseLine(Buffer line, Listener listener) throws IOException {
        if (line.length() == 0) {
            if (data != null) {
                Buffer event = data;
                data = null;
                listener.entry(MergedEntry.read(mapper, event.getBytes(), source));
            }
            return;
        }
        if (line.length() >= 5 && line.getString(0, 5, StandardCharsets.US_ASCII.name()).equals("data:")) {
            int from = line.length() > 5 && line.getByte(5) == ' ' ? 6 : 5;
            if (data == null) {
                data = Buffer.buffer();
            } else {
                data.appendByte((byte) '\n');
            }
            data.appendBuffer(line, from, line.length() - from);
        }
    }

    void pause() {
        if (response != null) {
            response.pause();
        }
    }

    void resume() {
        if (response != null && !cancelled) {
            response.resume();
        }
    }

    /** Drops the request and its connection; nothing more is delivered. */
    void cancel() {
        cancelled = true;
        if (request != null) {
            request.reset();
        }
    }
}
