package org.clusterlogs.logs.read.format;

import io.vertx.core.buffer.Buffer;
import org.clusterlogs.logs.source.Entry;

/** How entries become response bytes; chosen from the request's {@code Accept} header. */
public sealed interface EntryFormat permits TextFormat, NdjsonFormat, SseFormat {

    String contentType();

    /** Appends the bytes of one entry; answers false when the entry prints nothing. */
    boolean append(Entry entry, Buffer out);

    /** Whether this format follows the log for ever (SSE). */
    default boolean follows() {
        return false;
    }

    /**
     * DC/OS rule: exact match on the whole header. {@code text/event-stream} is SSE,
     * {@code application/json} is NDJSON, anything else (missing, lists, {@code *}/{@code *}) text.
     */
    static EntryFormat forAccept(String accept) {
        String a = accept == null ? "" : accept.trim();
        if (a.equals(SseFormat.CONTENT_TYPE)) {
            return new SseFormat();
        }
        if (a.equals(NdjsonFormat.CONTENT_TYPE)) {
            return new NdjsonFormat();
        }
        return new TextFormat();
    }
}
