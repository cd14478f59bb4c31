package org.clusterlogs.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the events of a {@code text/event-stream} body as they arrive: the generated client hands
 * the body over as an {@code InputStream} and leaves the framing to its user. Only what the log
 * streams send: {@code id:} and {@code data:} fields, comments ({@code : ping}) skipped.
 */
final class ServerSentEvents implements AutoCloseable {

    record Event(String id, String data) {
    }

    private final BufferedReader reader;

    ServerSentEvents(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** The next event, blocking until it has arrived whole; empty at the end of the stream. */
    Optional<Event> next() throws IOException {
        String id = null;
        StringBuilder data = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new Event(id, data.toString()));
                }
            } else if (line.startsWith("id:")) {
                id = value(line, 3);
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder() : data.append('\n');
                data.append(value(line, 5));
            }
        }
        return Optional.empty();
    }

    private static String value(String line, int from) {
        return line.startsWith(" ", from) ? line.substring(from + 1) : line.substring(from);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
