package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.FieldFilter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Makes entries of joined lines: {@code NAMESPACE}, {@code POD}, {@code CONTAINER},
 * {@code STREAM} and {@code MESSAGE}; the text is the message alone, as {@code kubectl logs}
 * prints it. A piece of a line longer than the cap carries {@code SPLIT=true} and its text ends
 * with a backslash, as for plain files. A line that is not a CRI record has no {@code STREAM}.
 */
final class PodEntries {

    static final String NAMESPACE = "NAMESPACE";
    static final String POD = "POD";
    static final String CONTAINER = "CONTAINER";
    static final String STREAM = "STREAM";
    static final String MESSAGE = "MESSAGE";
    static final String SPLIT = "SPLIT";
    /** The fields that differ from line to line; a filter on the others is decided once. */
    static final Set<String> PER_LINE = Set.of(STREAM, MESSAGE, SPLIT);

    private final SortedMap<String, String> constantFields;
    private final FieldFilter lineFilter;

    PodEntries(String namespace, String pod, String container, FieldFilter lineFilter) {
        SortedMap<String, String> constant = new TreeMap<>();
        constant.put(NAMESPACE, namespace);
        constant.put(POD, pod);
        constant.put(CONTAINER, container);
        this.constantFields = constant;
        this.lineFilter = lineFilter;
    }

    SortedMap<String, String> constantFields() {
        return constantFields;
    }

    /** Whether the line is wanted; only the per-line part of the filter is checked here. */
    boolean accepts(Emission e) {
        return lineFilter.isEmpty() || lineFilter.matches(fields(e));
    }

    Entry entry(Emission e, String cursor) {
        byte[] text = e.text();
        if (e.split()) {
            text = Arrays.copyOf(text, text.length + 1);
            text[text.length - 1] = '\\';
        }
        long micros = e.nanos() < 0 ? -1 : e.nanos() / 1000;
        return new Entry(cursor, fields(e), text, micros, -1);
    }

    private SortedMap<String, String> fields(Emission e) {
        SortedMap<String, String> fields = new TreeMap<>(constantFields);
        fields.put(MESSAGE, new String(e.text(), StandardCharsets.UTF_8));
        if (e.stream().fieldValue() != null) {
            fields.put(STREAM, e.stream().fieldValue());
        }
        if (e.split()) {
            fields.put(SPLIT, "true");
        }
        return fields;
    }
}
