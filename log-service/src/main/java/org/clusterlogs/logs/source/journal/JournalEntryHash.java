package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.logs.source.BadCursorException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whether journalctl printed every field of an entry, told by the entry's own hash: the
 * {@code x=} part of its cursor is the XOR of systemd's {@code jenkins_hash64} over each
 * {@code FIELD=value} the entry was written with (in every journal file format).
 *
 * <p>Why it is needed: journald (and systemd-journal-remote, the same code) links a new entry
 * into the file's entry list first and into its fields' data objects after. A reader that reads
 * the entry in between finds a data object used for the first time in a state it takes for
 * corrupt ({@code entry_offset} set, {@code n_entries} still 0), and journalctl skips that
 * field ("data object is bad, skipping over it") and prints the entry without it. A value
 * never logged before, such as almost every MESSAGE, is such a data object; the state lasts
 * until the writer's next store, so reading the entry again gives all of it.
 */
final class JournalEntryHash {

    private static final String BOOT_ID = "_BOOT_ID";

    private JournalEntryHash() {
    }

    /**
     * Whether this object of {@code journalctl -o json --all} holds every field of its entry.
     * True too when it cannot be told: no usable cursor, or a value journalctl left out as null.
     */
    static boolean complete(ObjectNode json) throws IOException {
        long want;
        try {
            want = JournalCursors.xorHash(JournalEntryParser.cursor(json));
        } catch (BadCursorException e) {
            return true;
        }
        long got = 0;
        long bootId = 0;
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String name = field.getKey();
            if (name.startsWith("__")) {
                continue; // cursor and timestamps, not fields
            }
            JsonNode value = field.getValue();
            boolean repeated = value.isArray() && !value.isEmpty() && !value.get(0).isNumber();
            for (JsonNode one : repeated ? value : List.of(value)) {
                byte[] bytes = bytes(one);
                if (bytes == null) {
                    return true;
                }
                long h = hash(name, bytes);
                got ^= h;
                if (name.equals(BOOT_ID)) {
                    bootId ^= h;
                }
            }
        }
        // journalctl prints _BOOT_ID from the entry's header also when no such field was written
        return got == want || (got ^ bootId) == want;
    }

    /** The bytes of one printed value: a string (UTF-8) or a byte array; null for null. */
    private static byte[] bytes(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue().getBytes(StandardCharsets.UTF_8);
        }
        if (value.isArray()) {
            return JournalEntryParser.bytes(value);
        }
        return null;
    }

    private static long hash(String name, byte[] value) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] payload = Arrays.copyOf(nameBytes, nameBytes.length + 1 + value.length);
        payload[nameBytes.length] = '=';
        System.arraycopy(value, 0, payload, nameBytes.length + 1, value.length);
        return jenkins64(payload);
    }

    /**
     * systemd's {@code jenkins_hash64}: Bob Jenkins' lookup3 {@code hashlittle2} with both
     * seeds 0, the primary hash in the upper half.
     */
    static long jenkins64(byte[] data) {
        int a = 0xdeadbeef + data.length;
        int b = a;
        int c = a;
        int i = 0;
        int left = data.length;
        while (left > 12) {
            a += word(data, i);
            b += word(data, i + 4);
            c += word(data, i + 8);
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            i += 12;
            left -= 12;
        }
        if (left > 0) {
            byte[] last = Arrays.copyOfRange(data, i, i + 12); // zero-padded
            a += word(last, 0);
            b += word(last, 4);
            c += word(last, 8);
            c ^= b; c -= Integer.rotateLeft(b, 14);
            a ^= c; a -= Integer.rotateLeft(c, 11);
            b ^= a; b -= Integer.rotateLeft(a, 25);
            c ^= b; c -= Integer.rotateLeft(b, 16);
            a ^= c; a -= Integer.rotateLeft(c, 4);
            b ^= a; b -= Integer.rotateLeft(a, 14);
            c ^= b; c -= Integer.rotateLeft(b, 24);
        }
        return ((long) c << 32) | (b & 0xffffffffL);
    }

    private static int word(byte[] d, int at) {
        return (d[at] & 0xff) | (d[at + 1] & 0xff) << 8 | (d[at + 2] & 0xff) << 16 | (d[at + 3] & 0xff) << 24;
    }
}
