package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.LineEntries;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The entries of a container's joined lines: {@link LineEntries} with {@code NAMESPACE},
 * {@code POD} and {@code CONTAINER} as constant fields, the record's stream as {@code STREAM}
 * (none for a line that is not a CRI record) and the time of the completing record. The text is
 * the message alone, as {@code kubectl logs} prints it.
 */
final class PodEntries {

    static final String NAMESPACE = "NAMESPACE";
    static final String POD = "POD";
    static final String CONTAINER = "CONTAINER";

    private final LineEntries lines;

    PodEntries(String namespace, String pod, String container, FieldFilter filter) {
        SortedMap<String, String> constant = new TreeMap<>();
        constant.put(NAMESPACE, namespace);
        constant.put(POD, pod);
        constant.put(CONTAINER, container);
        this.lines = new LineEntries(constant, filter);
    }

    boolean matchesNothing() {
        return lines.matchesNothing();
    }

    /** Whether the line is wanted; only the per-line part of the filter and the search are checked here. */
    boolean accepts(Emission e) {
        return lines.accepts(e.text(), e.split(), e.stream().fieldValue(), e.nanos());
    }

    Entry entry(Emission e, String cursor) {
        long micros = e.nanos() < 0 ? -1 : e.nanos() / 1000;
        return lines.entry(e.text(), cursor, e.split(), e.stream().fieldValue(), micros);
    }
}
