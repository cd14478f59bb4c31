package org.clusterlogs.discovery.merged;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.io.UncheckedIOException;

/**
 * The three answers of a merged stream, chosen by {@code Accept} compared as a whole, as a
 * single log's: {@code text/event-stream} follows, {@code application/json} is NDJSON, anything
 * else is text, each line behind its source's {@link SourceLabel prefix}.
 */
public enum MergedFormat {
    TEXT("text/plain"),
    NDJSON("application/json"),
    SSE("text/event-stream");

    private final String contentType;

    MergedFormat(String contentType) {
        this.contentType = contentType;
    }

    public static MergedFormat of(String accept) {
        if (SSE.contentType.equals(accept)) {
            return SSE;
        }
        return NDJSON.contentType.equals(accept) ? NDJSON : TEXT;
    }

    public String contentType() {
        return contentType;
    }

    /** The headers of a 200 in this format, as log-service sets them on a single log. */
    public void putHeaders(HttpServerResponse response) {
        response.putHeader("Content-Type", contentType).putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (this == SSE) {
            response.putHeader("X-Accel-Buffering", "no");
        }
    }

    /**
     * Appends {@code entry} to {@code out}.
     *
     * @param prefix   the text prefix of its source
     * @param mergedId the SSE id (every source's cursor after this entry); unused by the other formats
     */
    public void append(Buffer out, ObjectMapper mapper, MergedEntry entry, String prefix, String mergedId) {
        switch (this) {
            case TEXT -> out.appendString(prefix).appendString(entry.message())
                    .appendString(entry.splitPiece() ? "\\\n" : "\n");
            case NDJSON -> out.appendBytes(json(mapper, entry)).appendByte((byte) '\n');
            case SSE -> out.appendString("id: ").appendString(mergedId).appendString("\ndata: ")
                    .appendBytes(json(mapper, entry)).appendString("\n\n");
        }
    }

    /** A named SSE event: {@code event: <name>}, {@code data: <json>}. */
    public static Buffer event(String name, String json) {
        return Buffer.buffer("event: " + name + "\ndata: " + json + "\n\n");
    }

    private static byte[] json(ObjectMapper mapper, MergedEntry entry) {
        try {
            return mapper.writeValueAsBytes(entry.json());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
