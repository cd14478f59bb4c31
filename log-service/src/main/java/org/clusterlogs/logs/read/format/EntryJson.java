package org.clusterlogs.logs.read.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import org.clusterlogs.logs.source.Entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JSON object of one entry, as dcos-log writes it:
 * {@code {"fields":{...},"cursor":"...","monotonic_timestamp":n,"realtime_timestamp":n}}
 * with keys in that order, fields sorted, and {@code < > &} and U+2028/U+2029 escaped the
 * way Go's encoder does. Timestamps are left out for sources that have none.
 */
public final class EntryJson {

    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new GoHtmlEscapes());

    /**
     * Entries written lately and their JSON, by the entry's identity (a slot per identity hash):
     * the followers of a journal get the same entry objects from the shared tail, each a batch
     * of them, one follower after the other, so each entry is written once for all of them.
     * Only the same object is taken for the same entry; nobody changes the bytes.
     */
    private static final int RECENT_SLOTS = 256;
    private static final AtomicReferenceArray<Written> RECENT = new AtomicReferenceArray<>(RECENT_SLOTS);

    private record Written(Entry entry, byte[] json) {
    }

    private EntryJson() {
    }

    /** The entry's JSON; the array is shared, never change it. */
    public static byte[] bytes(Entry entry) {
        int slot = System.identityHashCode(entry) & (RECENT_SLOTS - 1);
        Written seen = RECENT.get(slot);
        if (seen != null && seen.entry() == entry) {
            return seen.json();
        }
        byte[] json = write(entry);
        RECENT.set(slot, new Written(entry, json));
        return json;
    }

    private static byte[] write(Entry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("fields");
            for (Map.Entry<String, String> f : entry.fields().entrySet()) {
                g.writeStringField(f.getKey(), f.getValue());
            }
            g.writeEndObject();
            g.writeStringField("cursor", entry.cursor());
            if (entry.monotonicMicros() >= 0) {
                g.writeNumberField("monotonic_timestamp", entry.monotonicMicros());
            }
            if (entry.realtimeMicros() >= 0) {
                g.writeNumberField("realtime_timestamp", entry.realtimeMicros());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Go's escapes: HTML-sensitive characters, U+2028/U+2029 and controls as lower-case {@code \\u00xx}. */
    private static final class GoHtmlEscapes extends CharacterEscapes {
        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        GoHtmlEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    asciiEscapes[c] = ESCAPE_CUSTOM;
                }
            }
            asciiEscapes['<'] = ESCAPE_CUSTOM;
            asciiEscapes['>'] = ESCAPE_CUSTOM;
            asciiEscapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < 0x80 || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
