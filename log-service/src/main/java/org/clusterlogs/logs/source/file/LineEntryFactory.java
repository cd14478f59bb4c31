package org.clusterlogs.logs.source.file;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.FieldFilter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Makes entries of file lines: the log's constant fields plus {@code MESSAGE}. A piece of a
 * line longer than the cap also carries {@code SPLIT=true}, and its text ends with a
 * backslash, the marker that the line goes on in the next entry.
 */
final class LineEntryFactory {

    static final String MESSAGE = "MESSAGE";
    static final String SPLIT = "SPLIT";

    private final SortedMap<String, String> constantFields;
    private final FieldFilter lineFilter;

    LineEntryFactory(SortedMap<String, String> constantFields, FieldFilter lineFilter) {
        this.constantFields = constantFields;
        this.lineFilter = lineFilter;
    }

    /** Whether any line can be refused, so that a line's bytes are needed to decide. */
    boolean filtersLines() {
        return !lineFilter.isEmpty();
    }

    /** Whether a line's entry is wanted at all: only per-line fields are checked here. */
    boolean accepts(byte[] line, boolean split) {
        if (lineFilter.isEmpty()) {
            return true;
        }
        return lineFilter.matches(fields(line, split));
    }

    Entry entry(byte[] line, long cursor, boolean split) {
        byte[] text = line;
        if (split) {
            text = Arrays.copyOf(line, line.length + 1);
            text[line.length] = '\\';
        }
        // fields are made only when asked for: a text read never decodes the line
        return new Entry(Long.toString(cursor), () -> fields(line, split), text, -1, -1);
    }

    private SortedMap<String, String> fields(byte[] line, boolean split) {
        SortedMap<String, String> fields = new TreeMap<>(constantFields);
        fields.put(MESSAGE, new String(line, StandardCharsets.UTF_8));
        if (split) {
            fields.put(SPLIT, "true");
        }
        return fields;
    }
}
