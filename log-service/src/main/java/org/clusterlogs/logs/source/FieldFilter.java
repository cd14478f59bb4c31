package org.clusterlogs.logs.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filter=FIELD:value} parameters: journald's rule, matches on one field are OR-ed,
 * matches on different fields AND-ed. Field names are upper-cased, values compared exactly.
 */
public final class FieldFilter {

    private static final FieldFilter NONE = new FieldFilter(Map.of());

    private final Map<String, List<String>> valuesByField;

    private FieldFilter(Map<String, List<String>> valuesByField) {
        this.valuesByField = valuesByField;
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
        return new FieldFilter(Collections.unmodifiableMap(byField));
    }

    public boolean isEmpty() {
        return valuesByField.isEmpty();
    }

    public Map<String, List<String>> valuesByField() {
        return valuesByField;
    }

    public boolean matches(Map<String, String> fields) {
        for (Map.Entry<String, List<String>> m : valuesByField.entrySet()) {
            String actual = fields.get(m.getKey());
            if (actual == null || !m.getValue().contains(actual)) {
                return false;
            }
        }
        return true;
    }

    /** The part of this filter on fields other than {@code perEntry}: decidable once per log. */
    public FieldFilter without(Set<String> perEntry) {
        Map<String, List<String>> rest = new LinkedHashMap<>(valuesByField);
        rest.keySet().removeAll(perEntry);
        return new FieldFilter(rest);
    }

    /** The part of this filter on the fields {@code perEntry}. */
    public FieldFilter only(Set<String> perEntry) {
        Map<String, List<String>> kept = new LinkedHashMap<>(valuesByField);
        kept.keySet().retainAll(perEntry);
        return new FieldFilter(kept);
    }
}
