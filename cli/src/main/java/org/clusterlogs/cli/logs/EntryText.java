package org.clusterlogs.cli.logs;

import com.fasterxml.jackson.databind.JsonNode;
import org.clusterlogs.cli.http.Json;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An entry of an event stream as log-service's text format shows it, so that a followed log
 * reads like a range of the same log: a file's line as it is, a journal entry as
 * {@code YYYY-MM-DD HH:MM:SS: MESSAGE} (UTC), a piece of a split line ending with a backslash.
 */
public final class EntryText {

    private static final DateTimeFormatter JOURNAL_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private EntryText() {
    }

    public static String of(String data) throws IOException {
        return of(Json.mapper().readTree(data));
    }

    /** The text of an entry already parsed. */
    public static String of(JsonNode entry) {
        String message = message(entry);
        JsonNode micros = entry.get("realtime_timestamp");
        if (micros == null || !micros.canConvertToLong()) {
            return message;
        }
        long time = Math.max(micros.asLong(), 0);
        return JOURNAL_TIME.format(Instant.ofEpochSecond(time / 1_000_000, (time % 1_000_000) * 1_000)) + ": " + message;
    }

    /** The entry's message alone, a piece of a split line ending with a backslash. */
    public static String message(JsonNode entry) {
        JsonNode fields = entry.path("fields");
        String message = fields.path("MESSAGE").asText("");
        return fields.path("SPLIT").asText("").equals("true") ? message + "\\" : message;
    }
}
