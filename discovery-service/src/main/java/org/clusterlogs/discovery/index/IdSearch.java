package org.clusterlogs.discovery.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * "Whose id (or name) contains this text" over many tasks without looking at every one: each
 * task's {@code id + NUL + name} is cut into trigrams, and each trigram keeps the ascending list
 * of the tasks it occurs in. A query's candidates are the tasks of its rarest trigram, each
 * then checked with {@link String#contains}; so a query costs the length of that one list (for
 * a task id, a handful) instead of a scan of every id. A query shorter than a trigram has no
 * list and scans, stopping as soon as it has as many matches as the caller wants, which for such
 * short text is almost at once.
 */
final class IdSearch {

    private static final int GRAM = 3;
    private static final int[] NONE = new int[0];

    private final String[] ids;
    private final String[] names;
    private final Map<Long, int[]> postings;

    IdSearch(String[] ids, String[] names) {
        this.ids = ids;
        this.names = names;
        Map<Long, Growing> lists = new HashMap<>();
        for (int task = 0; task < ids.length; task++) {
            String key = ids[task] + '\0' + names[task];
            for (int p = 0; p + GRAM <= key.length(); p++) {
                lists.computeIfAbsent(gram(key, p), g -> new Growing()).addOnce(task);
            }
        }
        Map<Long, int[]> compact = new HashMap<>(lists.size() * 4 / 3 + 1);
        lists.forEach((gram, list) -> compact.put(gram, list.toArray()));
        this.postings = compact;
    }

    /** The first {@code max} tasks (ascending) whose id contains {@code text}. */
    int[] idsContaining(String text, int max) {
        return find(text, max, task -> ids[task].contains(text));
    }

    /** The first {@code max} tasks (ascending) whose id or name contains {@code text}. */
    int[] idsOrNamesContaining(String text, int max) {
        return find(text, max, task -> ids[task].contains(text) || names[task].contains(text));
    }

    private int[] find(String text, int max, IntPredicate matches) {
        int[] candidates = text.length() < GRAM ? null : rarestList(text);
        if (candidates == NONE) {
            return NONE;
        }
        int count = candidates == null ? ids.length : candidates.length;
        int[] found = new int[Math.min(max, count)];
        int n = 0;
        for (int k = 0; k < count && n < found.length; k++) {
            int task = candidates == null ? k : candidates[k];
            if (matches.test(task)) {
                found[n++] = task;
            }
        }
        return n == found.length ? found : Arrays.copyOf(found, n);
    }

    /** The shortest list among the text's trigrams; {@link #NONE} when one of them occurs nowhere. */
    private int[] rarestList(String text) {
        int[] rarest = null;
        for (int p = 0; p + GRAM <= text.length(); p++) {
            int[] list = postings.get(gram(text, p));
            if (list == null) {
                return NONE;
            }
            if (rarest == null || list.length < rarest.length) {
                rarest = list;
            }
        }
        return rarest;
    }

    /** Three UTF-16 units in one long, exactly: no two trigrams share a key. */
    private static long gram(String s, int p) {
        return ((long) s.charAt(p) << 32) | ((long) s.charAt(p + 1) << 16) | s.charAt(p + 2);
    }

    /** An ascending int list that is built once, task by task. */
    private static final class Growing {
        private int[] items = new int[2];
        private int size;

        void addOnce(int task) {
            if (size > 0 && items[size - 1] == task) {
                return; // the trigram occurs twice in one key
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = task;
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
