package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.FieldFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The journalctl match arguments for a unit and a filter. The unit is {@code UNIT=n} OR
 * {@code _SYSTEMD_UNIT=n}, and the filter narrows both (DECISIONS Q3), so the arguments are
 * {@code UNIT=n F… + _SYSTEMD_UNIT=n F…}; inside a term journalctl itself ORs matches on one
 * field and ANDs different fields, which is the filter's rule.
 *
 * <p>A filter on the unit field itself would be OR-ed with the unit match by that rule, so it
 * is resolved here: the term stays (just the unit match) when the filter allows the unit, and
 * is dropped when it does not. Filters journalctl refuses ({@code __} address fields, NUL in a
 * value) can match no entry field we serve, so they make the view empty instead of an error.
 */
final class JournalMatches {

    static final String UNIT = "UNIT";
    static final String SYSTEMD_UNIT = "_SYSTEMD_UNIT";

    private final List<String> args;
    private final boolean matchesNothing;

    private JournalMatches(List<String> args, boolean matchesNothing) {
        this.args = List.copyOf(args);
        this.matchesNothing = matchesNothing;
    }

    static JournalMatches of(String unitOrNull, FieldFilter filter) {
        Map<String, List<String>> byField = filter.valuesByField();
        if (!usable(unitOrNull, byField)) {
            return new JournalMatches(List.of(), true);
        }
        if (unitOrNull == null) {
            List<String> args = new ArrayList<>();
            addFilter(args, byField, null);
            return new JournalMatches(args, false);
        }
        List<String> args = new ArrayList<>();
        for (String unitField : List.of(UNIT, SYSTEMD_UNIT)) {
            List<String> allowed = byField.get(unitField);
            if (allowed != null && !allowed.contains(unitOrNull)) {
                continue;
            }
            if (!args.isEmpty()) {
                args.add("+");
            }
            args.add(unitField + "=" + unitOrNull);
            addFilter(args, byField, unitField);
        }
        return new JournalMatches(args, args.isEmpty());
    }

    /** The arguments to put after {@code --}; empty means the whole journal. */
    List<String> args() {
        return args;
    }

    /** Whether no entry can match, so journalctl need not run. */
    boolean matchesNothing() {
        return matchesNothing;
    }

    private static void addFilter(List<String> args, Map<String, List<String>> byField, String except) {
        for (Map.Entry<String, List<String>> f : byField.entrySet()) {
            if (f.getKey().equals(except)) {
                continue;
            }
            for (String value : f.getValue()) {
                args.add(f.getKey() + "=" + value);
            }
        }
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
