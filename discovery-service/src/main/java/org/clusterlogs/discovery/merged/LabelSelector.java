package org.clusterlogs.discovery.merged;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector ({@code kubectl get pods -l …}): requirements separated by commas,
 * all of which must hold: {@code key=value} (or {@code ==}), {@code key!=value},
 * {@code key in (a,b)}, {@code key notin (a,b)}, {@code key} (has the label), {@code !key} (has
 * not). As in Kubernetes, {@code !=} and {@code notin} also accept a pod without the key. Written
 * here rather than taken from the Kubernetes client, which sends selectors to the API server and
 * has no parser of its own for matching in memory; 400 {@code BadParameter} names what is wrong.
 */
public final class LabelSelector implements Predicate<Map<String, String>> {

    private static final String KEY = "([A-Za-z0-9][A-Za-z0-9._/-]*)";
    private static final String VALUE = "([A-Za-z0-9._-]*)";
    private static final Pattern EQUALS = Pattern.compile(KEY + "\\s*(==|=|!=)\\s*" + VALUE);
    private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s*\\(([^()]*)\\)");
    private static final Pattern EXISTS = Pattern.compile("(!?)\\s*" + KEY);
    private static final Pattern SET_VALUE = Pattern.compile(VALUE);
    private static final Pattern LOOKS_LIKE = Pattern.compile("=|\\s(?:not)?in\\s*\\(");

    private final List<Predicate<Map<String, String>>> requirements;
    private final String text;

    private LabelSelector(String text, List<Predicate<Map<String, String>>> requirements) {
        this.text = text;
        this.requirements = requirements;
    }

    /** Whether {@code q} is meant as a selector rather than a task name or id. */
    public static boolean looksLikeOne(String q) {
        return LOOKS_LIKE.matcher(q).find();
    }

    public static LabelSelector parse(String selector) {
        List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
        for (String part : topLevelParts(selector)) {
            requirements.add(requirement(part.strip(), selector));
        }
        return new LabelSelector(selector, List.copyOf(requirements));
    }

    @Override
    public boolean test(Map<String, String> labels) {
        for (Predicate<Map<String, String>> requirement : requirements) {
            if (!requirement.test(labels)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    private static Predicate<Map<String, String>> requirement(String part, String selector) {
        Matcher m;
        if ((m = SET.matcher(part)).matches()) {
            String key = m.group(1);
            Set<String> values = values(m.group(3), selector);
            boolean in = m.group(2).equals("in");
            return labels -> labels.containsKey(key) && values.contains(labels.get(key)) == in
                    || !in && !labels.containsKey(key);
        }
        if ((m = EQUALS.matcher(part)).matches()) {
            String key = m.group(1);
            String value = m.group(3);
            return m.group(2).equals("!=") ? labels -> !value.equals(labels.get(key))
                    : labels -> value.equals(labels.get(key));
        }
        if ((m = EXISTS.matcher(part)).matches()) {
            String key = m.group(2);
            return m.group(1).isEmpty() ? labels -> labels.containsKey(key) : labels -> !labels.containsKey(key);
        }
        throw MergedRequest.bad("q is read as a label selector (it has = or in (…)), and '" + part + "' of '"
                + selector + "' is not a requirement: key=value, key!=value, key in (a,b), key notin (a,b), key or !key");
    }

    private static Set<String> values(String list, String selector) {
        List<String> values = new ArrayList<>();
        for (String value : list.split(",", -1)) {
            if (!SET_VALUE.matcher(value.strip()).matches()) {
                throw MergedRequest.bad("'" + value.strip() + "' in the label selector '" + selector
                        + "' is not a label value");
            }
            values.add(value.strip());
        }
        return Set.copyOf(values);
    }

    /** The selector cut at the commas that are not inside parentheses. */
    private static List<String> topLevelParts(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }
}
