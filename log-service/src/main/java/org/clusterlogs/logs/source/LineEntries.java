package org.clusterlogs.logs.source;

import org.clusterlogs.logs.source.search.Grep;
import org.clusterlogs.logs.source.search.LiteralFinder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Makes entries of the lines of a file-backed log (task and component files, pod logs): the
 * log's constant fields plus {@code MESSAGE}, {@code STREAM} where the format has one, and, for a
 * piece of a line longer than the cap, {@code SPLIT=true} with a text that ends in a backslash
 * (the marker that the line goes on in the next entry). Fields are made only when a format or
 * a filter asks for them: a text read never decodes a line, nor does {@code grep} (it runs on
 * the line's bytes).
 */
public final class LineEntries {

    public static final String MESSAGE = "MESSAGE";
    public static final String STREAM = "STREAM";
    public static final String SPLIT = "SPLIT";
    /** The fields that differ from line to line; a filter on the others is decided once per log. */
    public static final Set<String> PER_LINE = Set.of(MESSAGE, STREAM, SPLIT);

    private final SortedMap<String, String> constantFields;
    private final FieldFilter lineFilter;
    private final boolean filtersFields;
    private final boolean matchesNothing;

    /**
     * @param constantFields the fields every line of this log carries
     * @param filter         the request's filter; its part on constant fields is decided here
     */
    public LineEntries(SortedMap<String, String> constantFields, FieldFilter filter) {
        this.constantFields = constantFields;
        this.lineFilter = filter.only(PER_LINE);
        this.filtersFields = !lineFilter.valuesByField().isEmpty();
        this.matchesNothing = !filter.without(PER_LINE).matches(constantFields) || filter.time().empty();
    }

    public SortedMap<String, String> constantFields() {
        return constantFields;
    }

    /** Whether the filter refuses every line of this log, whatever the lines say. */
    public boolean matchesNothing() {
        return matchesNothing;
    }

    /** Whether a line's bytes are needed to decide if it is wanted. */
    public boolean filtersLines() {
        return !lineFilter.isEmpty();
    }

    /**
     * Whether a line is wanted; only the per-line fields and the search are checked here.
     *
     * @param nanos the line's time (ns since the epoch), or -1
     */
    public boolean accepts(byte[] line, boolean split, String stream, long nanos) {
        return lineFilter.searchAccepts(line, nanos)
                && (!filtersFields || lineFilter.matches(fields(line, split, stream)));
    }

    /**
     * Whether a line that holds the literal of {@link #finder()} is wanted, with nothing else to
     * check: a search for a plain literal and no other filter. A reader that found the literal in a
     * line's bytes then need not look at the line again.
     */
    public boolean literalDecides() {
        return !filtersFields && !lineFilter.time().bounded() && lineFilter.grep().map(Grep::literalOnly).orElse(false);
    }

    /** What finds, in raw bytes, the literal every wanted line holds; empty when lines need no search. */
    public Optional<LiteralFinder> finder() {
        return lineFilter.grep().flatMap(Grep::finder);
    }

    /**
     * For a log whose lines carry no time (plain files): refuses {@code since}/{@code until}.
     *
     * @param what the log, as the message names it
     */
    public static void requireNoTimeBounds(FieldFilter filter, String what) {
        if (filter.time().bounded()) {
            throw new BadParameterException(what + " carry no time: since and until apply to the journal "
                    + "and to pod logs only");
        }
    }

    /**
     * @param stream         the line's stream ({@code stdout}/{@code stderr}), or null
     * @param realtimeMicros the line's time, or -1
     */
    public Entry entry(byte[] line, String cursor, boolean split, String stream, long realtimeMicros) {
        return entry(line, () -> cursor, split, stream, realtimeMicros);
    }

    /** A plain file's line, whose cursor (the offset of its end) is made only if a format asks for it. */
    public Entry entry(byte[] line, long offset, boolean split) {
        return entry(line, () -> Long.toString(offset), split, null, -1);
    }

    private Entry entry(byte[] line, Supplier<String> cursor, boolean split, String stream, long realtimeMicros) {
        byte[] text = line;
        if (split) {
            text = Arrays.copyOf(line, line.length + 1);
            text[line.length] = '\\';
        }
        return new Entry(cursor, () -> fields(line, split, stream), text, realtimeMicros, -1);
    }

    private SortedMap<String, String> fields(byte[] line, boolean split, String stream) {
        SortedMap<String, String> fields = new TreeMap<>(constantFields);
        fields.put(MESSAGE, new String(line, StandardCharsets.UTF_8));
        if (stream != null) {
            fields.put(STREAM, stream);
        }
        if (split) {
            fields.put(SPLIT, "true");
        }
        return fields;
    }
}
