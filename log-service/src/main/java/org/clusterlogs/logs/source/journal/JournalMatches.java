package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.JsonNode;
import org.clusterlogs.logs.source.FieldFilter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journalctl match arguments for a unit and a filter, and the same matches applied in Java
 * to an entry as {@code journalctl -o json} prints it. The unit is {@code UNIT=n} OR
 * {@code _SYSTEMD_UNIT=n}, and the filter narrows both (docs/logging-api.md, "Filters"), so the arguments are
 * {@code UNIT=n F… + _SYSTEMD_UNIT=n F…}; inside a term journalctl itself ORs matches on one
 * field and ANDs different fields, which is the filter's rule.
 *
 * <p>A filter on the unit field itself would be OR-ed with the unit match by that rule, so it
 * is resolved here: the term stays (just the unit match) when the filter allows the unit, and
 * is dropped when it does not. Filters journalctl refuses ({@code __} address fields, NUL in a
 * value) can match no entry field we serve, so they make the view empty instead of an error.
 *
 * <p>{@link #accepts} must agree with journalctl on every entry: the shared tail reads the
 * journal unfiltered and hands each follower the entries this accepts, right after that
 * follower read the same journal through journalctl with {@link #args()}.
 */
final class JournalMatches {

    static final String UNIT = "UNIT";
    static final String SYSTEMD_UNIT = "_SYSTEMD_UNIT";

    /** OR-ed terms; in a term, field → the values OR-ed on that field, different fields AND-ed. */
    private final List<Map<String, List<Value>>> terms;
    private final List<String> args;
    private final boolean matchesNothing;

    /** One value to match, also as the bytes journalctl compares. */
    private record Value(String text, byte[] bytes) {
        Value(String text) {
            this(text, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private JournalMatches(List<Map<String, List<Value>>> terms, boolean matchesNothing) {
        this.terms = terms;
        this.matchesNothing = matchesNothing;
        List<String> args = new ArrayList<>();
        for (Map<String, List<Value>> term : terms) {
            if (!args.isEmpty()) {
                args.add("+");
            }
            term.forEach((field, values) -> values.forEach(v -> args.add(field + "=" + v.text())));
        }
        this.args = List.copyOf(args);
    }

    static JournalMatches of(String unitOrNull, FieldFilter filter) {
        Map<String, List<String>> byField = filter.valuesByField();
        if (!usable(unitOrNull, byField)) {
            return new JournalMatches(List.of(), true);
        }
        if (unitOrNull == null) {
            Map<String, List<Value>> term = term(byField, null);
            return new JournalMatches(term.isEmpty() ? List.of() : List.of(term), false);
        }
        List<Map<String, List<Value>>> terms = new ArrayList<>();
        for (String unitField : List.of(UNIT, SYSTEMD_UNIT)) {
            List<String> allowed = byField.get(unitField);
            if (allowed != null && !allowed.contains(unitOrNull)) {
                continue;
            }
            Map<String, List<Value>> term = new LinkedHashMap<>();
            term.put(unitField, List.of(new Value(unitOrNull)));
            term.putAll(term(byField, unitField));
            terms.add(term);
        }
        return new JournalMatches(List.copyOf(terms), terms.isEmpty());
    }

    /** The arguments to put after {@code --}; empty means the whole journal. */
    List<String> args() {
        return args;
    }

    /** Whether no entry can match, so journalctl need not run. */
    boolean matchesNothing() {
        return matchesNothing;
    }

    /**
     * Whether journalctl would print this entry (one object of {@code -o json --all}) for
     * {@link #args()}: the data object {@code FIELD=value} must exist, compared as bytes. A field
     * journalctl prints as an array has several values (a byte array is one value), and any
     * of them matches, as each is a data object of its own.
     */
    boolean accepts(JsonNode entry) {
        if (matchesNothing) {
            return false;
        }
        if (terms.isEmpty()) {
            return true;
        }
        for (Map<String, List<Value>> term : terms) {
            if (termAccepts(term, entry)) {
                return true;
            }
        }
        return false;
    }

    private static boolean termAccepts(Map<String, List<Value>> term, JsonNode entry) {
        for (Map.Entry<String, List<Value>> field : term.entrySet()) {
            JsonNode printed = entry.get(field.getKey());
            if (printed == null || field.getValue().stream().noneMatch(v -> holds(printed, v))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a field as journalctl prints it (string, byte array, or array of those) holds v. */
    private static boolean holds(JsonNode printed, Value v) {
        if (printed.isTextual()) {
            return printed.textValue().equals(v.text());
        }
        if (!printed.isArray() || printed.isEmpty()) {
            return false;
        }
        if (printed.get(0).isNumber()) {
            return Arrays.equals(JournalEntryParser.bytes(printed), v.bytes());
        }
        for (JsonNode one : printed) {
            if (holds(one, v)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<Value>> term(Map<String, List<String>> byField, String except) {
        Map<String, List<Value>> term = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> f : byField.entrySet()) {
            if (!f.getKey().equals(except)) {
                term.put(f.getKey(), f.getValue().stream().map(Value::new).toList());
            }
        }
        return term;
    }

    private static boolean usable(String unit, Map<String, List<String>> byField) {
        if (unit != null && unit.indexOf('\0') >= 0) {
            return false;
        }
        for (Map.Entry<String, List<String>> f : byField.entrySet()) {
            if (f.getKey().startsWith("__")) {
                return false;
            }
            for (String value : f.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
