package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.logs.source.Entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns one object of {@code journalctl -o json} into an {@link Entry}.
 *
 * <p>journalctl prints a value that is not printable UTF-8 as an array of byte numbers, and a
 * field that occurs several times in one entry as an array of its values (each a string or
 * such a byte array). Every value we serve is one string: bytes are decoded as UTF-8 with
 * U+FFFD for invalid sequences, and of a repeated field <em>the first value journalctl
 * lists</em> is kept (the others are dropped: the served formats have one string per field).
 * The journal address fields ({@code __CURSOR}, {@code __REALTIME_TIMESTAMP}, …) are not
 * fields of the entry; they become its cursor and timestamps.
 */
final class JournalEntryParser {

    static final String CURSOR = "__CURSOR";
    private static final String REALTIME = "__REALTIME_TIMESTAMP";
    private static final String MONOTONIC = "__MONOTONIC_TIMESTAMP";
    private static final String MESSAGE = "MESSAGE";
    /** The text format's time: UTC, to the second (logs-v2 §4.5). */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JournalEntryParser() {
    }

    static Entry entry(ObjectNode json) throws IOException {
        String cursor = cursor(json);
        SortedMap<String, String> fields = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (!field.getKey().startsWith("__") && !field.getValue().isNull()) {
                fields.put(field.getKey(), value(field.getValue()));
            }
        }
        long realtime = micros(json, REALTIME);
        long monotonic = micros(json, MONOTONIC);
        String message = fields.get(MESSAGE);
        byte[] text = message == null ? null
                : (TIME.format(Instant.ofEpochSecond(Math.floorDiv(Math.max(realtime, 0), 1_000_000L)))
                        + ": " + message).getBytes(StandardCharsets.UTF_8);
        return new Entry(cursor, fields, text, realtime, monotonic);
    }

    static String cursor(ObjectNode json) throws IOException {
        JsonNode cursor = json.get(CURSOR);
        if (cursor == null || !cursor.isTextual()) {
            throw new IOException("journalctl printed an entry without " + CURSOR);
        }
        return cursor.textValue();
    }

    private static String value(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                return "";
            }
            if (node.get(0).isNumber()) {
                return new String(bytes(node), StandardCharsets.UTF_8);
            }
            return value(node.get(0));
        }
        return node.asText();
    }

    /** A value journalctl printed as a byte array (numbers 0–255): those bytes. */
    static byte[] bytes(JsonNode numbers) {
        byte[] raw = new byte[numbers.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) numbers.get(i).intValue();
        }
        return raw;
    }

    private static long micros(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
