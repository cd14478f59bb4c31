package org.clusterlogs.cli.logs;

/**
 * One dispatched server-sent event: its {@code id} (the entry's cursor, or a merged stream's
 * {@code m1.} cursor), its type ({@code message} unless the event names another, as a merged
 * stream's {@code source} events do) and its {@code data}.
 */
public record SseEvent(String id, String type, String data) {

    /** The type of an event that names none. */
    public static final String MESSAGE = "message";

    /** An event of the default type: a log entry. */
    public SseEvent(String id, String data) {
        this(id, MESSAGE, data);
    }

    /** Whether this is a log entry rather than a named event about the stream. */
    public boolean isEntry() {
        return MESSAGE.equals(type);
    }
}
