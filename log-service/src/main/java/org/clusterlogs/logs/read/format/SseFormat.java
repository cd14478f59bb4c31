package org.clusterlogs.logs.read.format;

import io.vertx.core.buffer.Buffer;
import org.clusterlogs.logs.source.Entry;

import java.nio.charset.StandardCharsets;

/**
 * Server-sent events: {@code id: <cursor>}, {@code data: <entry JSON>}, blank line. Every
 * event has an id (the reference left it off the first line of a file), so a client can
 * always resume with {@code Last-Event-ID}.
 */
public final class SseFormat implements EntryFormat {

    public static final String CONTENT_TYPE = "text/event-stream";
    public static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public boolean append(Entry entry, Buffer out) {
        out.appendBytes(ID).appendString(entry.cursor(), "UTF-8")
                .appendBytes(DATA).appendBytes(EntryJson.bytes(entry)).appendBytes(END);
        return true;
    }

    @Override
    public boolean follows() {
        return true;
    }
}
