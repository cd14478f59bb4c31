package org.clusterlogs.logs.read.format;

import io.vertx.core.buffer.Buffer;
import org.clusterlogs.logs.source.Entry;

/** One line per entry: the entry's text and a newline. Entries without text print nothing. */
public final class TextFormat implements EntryFormat {

    public static final String CONTENT_TYPE = "text/plain";

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public boolean append(Entry entry, Buffer out) {
        if (entry.text() == null) {
            return false;
        }
        out.appendBytes(entry.text()).appendByte((byte) '\n');
        return true;
    }
}
