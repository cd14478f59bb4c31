package org.clusterlogs.logs.read.format;

import io.vertx.core.buffer.Buffer;
import org.clusterlogs.logs.source.Entry;

/** Newline-delimited JSON: one {@link EntryJson} object per line. */
public final class NdjsonFormat implements EntryFormat {

    public static final String CONTENT_TYPE = "application/json";

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public boolean append(Entry entry, Buffer out) {
        out.appendBytes(EntryJson.bytes(entry)).appendByte((byte) '\n');
        return true;
    }
}
