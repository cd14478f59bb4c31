package org.clusterlogs.cli.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The event-stream format (WHATWG HTML, "server-sent events"), the part a log follower needs:
 * {@code id}, {@code event} and {@code data} fields, comments ({@code : ping}) skipped, an event dispatched at
 * the blank line that ends it. An event cut off by a dropped connection is never dispatched, so
 * the last id handed out is always one whose line was printed. Kept here rather than taken
 * from a library: the SSE clients for Java bring their own HTTP stack.
 */
public final class SseReader {

    private SseReader() {
    }

    /** Reads events until the stream ends (or fails), handing each to {@code events}. */
    public static void read(InputStream stream, Consumer<SseEvent> events) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String id = null;
        String type = SseEvent.MESSAGE;
        StringBuilder data = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.accept(new SseEvent(id, type, data.toString()));
                }
                data = null;
                type = SseEvent.MESSAGE;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon == 0) {
                continue;
            }
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(line.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
            if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (field.equals("id") && !value.contains("\0")) {
                id = value;
            } else if (field.equals("event")) {
                type = value.isEmpty() ? SseEvent.MESSAGE : value;
            }
        }
    }
}
