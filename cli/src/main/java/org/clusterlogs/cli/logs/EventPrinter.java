package org.clusterlogs.cli.logs;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * How a follow prints each event of its stream; the {@link LogFollower} itself only keeps the
 * connection and the position. Every printer flushes after each line, so a follow piped into
 * another program, or ended by Ctrl-C, never holds back a complete line.
 */
@FunctionalInterface
interface EventPrinter {

    /** Prints the event; an event whose data is not what the stream promised fails with an IOException. */
    void print(SseEvent event) throws IOException;

    /** One log's entries: log-service's text form of each ({@link EntryText}), or its JSON as it came. */
    static EventPrinter single(PrintWriter out, boolean json) {
        return event -> {
            if (event.isEntry()) {
                out.println(json ? event.data() : EntryText.of(event.data()));
                out.flush();
            }
        };
    }
}
