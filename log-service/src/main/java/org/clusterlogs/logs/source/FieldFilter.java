package org.clusterlogs.logs.source;

import org.clusterlogs.logs.source.search.Grep;
import org.clusterlogs.logs.source.search.TimeBounds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What narrows a log to its bounded set: the {@code filter=FIELD:value} parameters (journald's
 * rule, matches on one field are OR-ed, matches on different fields AND-ed; field names are
 * upper-cased, values compared exactly), and the search on each entry, {@code grep} on its
 * message and {@code since}/{@code until} on its time. Every source applies all of it wherever it
 * counts entries, so positioning counts the entries of the bounded set.
 */
public final class FieldFilter {

    private static final FieldFilter NONE = new FieldFilter(Map.of(), null, TimeBounds.NONE);

    private final Map<String, List<String>> valuesByField;
    private final Grep grep;
    private final TimeBounds time;

    private FieldFilter(Map<String, List<String>> valuesByField, Grep grep, TimeBounds time) {
        this.valuesByField = valuesByField;
        this.grep = grep;
        this.time = time;
    }

    public static FieldFilter none() {
        return NONE;
    }

    /**
     * Parses {@code FIELD:value} strings. The value is everything after the first colon, so
     * values with colons work (the reference refused them).
     */
    public static FieldFilter parse(List<String> params) {
        if (params == null || params.isEmpty()) {
            return NONE;
        }
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (String p : params) {
            int colon = p.indexOf(':');
            if (colon <= 0) {
                throw new BadParameterException(
                        "filter must be FIELD:value, got '" + p + "'");
            }
            String field = p.substring(0, colon).toUpperCase(Locale.ROOT);
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                    throw new BadParameterException(
                            "filter field may hold only letters, digits and '_', got '" + p + "'");
                }
            }
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(p.substring(colon + 1));
        }
        return new FieldFilter(Collections.unmodifiableMap(byField), null, TimeBounds.NONE);
    }

    /** This filter, narrowed further to the entries whose message holds {@code grep} and whose time is within. */
    public FieldFilter searching(Optional<Grep> grep, TimeBounds time) {
        return new FieldFilter(valuesByField, grep.orElse(null), time);
    }

    /** Whether nothing is filtered. */
    public boolean isEmpty() {
        return valuesByField.isEmpty() && grep == null && !time.bounded();
    }

    /** The {@code grep} of the request, if any. */
    public Optional<Grep> grep() {
        return Optional.ofNullable(grep);
    }

    /** The {@code since}/{@code until} of the request ({@link TimeBounds#NONE} when none). */
    public TimeBounds time() {
        return time;
    }

    /** Whether each entry's message or time decides too (not only its fields). */
    public boolean searches() {
        return grep != null || time.bounded();
    }

    /** Whether an entry of this message (null: none) and time (ns, negative: none) passes the search. */
    public boolean searchAccepts(String message, long nanos) {
        return time.contains(nanos) && (grep == null || message != null && grep.matches(message));
    }

    /** Whether an entry passes the search, on its {@code MESSAGE} and its time. */
    public boolean searchAccepts(Entry entry) {
        if (!searches()) {
            return true;
        }
        long micros = entry.realtimeMicros();
        return searchAccepts(entry.fields().get(LineEntries.MESSAGE), micros < 0 ? -1 : micros * 1000);
    }

    /** The same for a message as UTF-8 bytes (no decoding on the way). */
    public boolean searchAccepts(byte[] message, long nanos) {
        return time.contains(nanos) && (grep == null || grep.matches(message));
    }

    public Map<String, List<String>> valuesByField() {
        return valuesByField;
    }

    /** Whether the entry's fields pass the {@code filter} parameters (the search is not looked at). */
    public boolean matches(Map<String, String> fields) {
        for (Map.Entry<String, List<String>> m : valuesByField.entrySet()) {
            String actual = fields.get(m.getKey());
            if (actual == null || !m.getValue().contains(actual)) {
                return false;
            }
        }
        return true;
    }

    /** The part of this filter on fields other than {@code perEntry}: decidable once per log (no search). */
    public FieldFilter without(Set<String> perEntry) {
        Map<String, List<String>> rest = new LinkedHashMap<>(valuesByField);
        rest.keySet().removeAll(perEntry);
        return new FieldFilter(rest, null, TimeBounds.NONE);
    }

    /** The part of this filter on the fields {@code perEntry}, and the search. */
    public FieldFilter only(Set<String> perEntry) {
        Map<String, List<String>> kept = new LinkedHashMap<>(valuesByField);
        kept.keySet().retainAll(perEntry);
        return new FieldFilter(kept, grep, time);
    }
}
