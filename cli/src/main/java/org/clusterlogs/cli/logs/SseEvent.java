package org.clusterlogs.cli.logs;

/** One dispatched server-sent event: its {@code id} (the entry's cursor) and its {@code data}. */
public record SseEvent(String id, String data) {
}
