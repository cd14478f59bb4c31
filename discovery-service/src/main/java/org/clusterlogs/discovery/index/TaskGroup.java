package org.clusterlogs.discovery.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable set of tasks (the running or the completed ones of one source), sorted by id and
 * indexed for the lookups of a request: by exact name, by exact id, and by text the id (or name)
 * contains ({@link IdSearch}). Built off the request path, once per refresh.
 */
public final class TaskGroup {

    public static final TaskGroup EMPTY = new TaskGroup(List.of());

    private final List<Task> tasks;
    private final Map<String, int[]> byName;
    private final Map<String, int[]> byId;
    private final IdSearch search;
    /**
     * The discovery rule's answers of this group, by query: clients ask for the same few tasks
     * again and again (every follow, every reconnect), and the id search is the lookup's cost.
     * Per group, so a refresh starts afresh; bounded, so odd queries cannot fill the heap.
     */
    private final Cache<Named, Matches> named = Caffeine.newBuilder().maximumSize(4096).build();

    private TaskGroup(List<Task> sorted) {
        this.tasks = sorted;
        String[] ids = new String[sorted.size()];
        String[] names = new String[sorted.size()];
        Map<String, List<Integer>> names2 = new HashMap<>();
        Map<String, List<Integer>> ids2 = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            Task task = sorted.get(i);
            ids[i] = task.id();
            names[i] = task.name();
            names2.computeIfAbsent(task.name(), n -> new ArrayList<>(1)).add(i);
            ids2.computeIfAbsent(task.id(), n -> new ArrayList<>(1)).add(i);
        }
        this.byName = compact(names2);
        this.byId = compact(ids2);
        this.search = new IdSearch(ids, names);
    }

    /** The tasks, sorted by id (so every answer lists them in a stable order). */
    public static TaskGroup of(Collection<Task> tasks) {
        List<Task> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing(Task::id).thenComparing(Task::name));
        return new TaskGroup(List.copyOf(sorted));
    }

    public int size() {
        return tasks.size();
    }

    public List<Task> tasks() {
        return tasks;
    }

    /** The tasks whose id is exactly {@code id} (one, unless two Mesos frameworks reuse an id). */
    public List<Task> withId(String id) {
        return pick(byId.getOrDefault(id, new int[0]), Integer.MAX_VALUE);
    }

    /** The discovery rule: name equal to the query, or id containing it; at most {@code max}, plus whether there are more. */
    public Matches named(String query, int max) {
        return named.get(new Named(query, max), key -> {
            int[] exact = byName.getOrDefault(query, new int[0]);
            int[] contained = search.idsContaining(query, max + 1);
            Matches found = matches(union(exact, contained, max + 1), max);
            return new Matches(List.copyOf(found.tasks()), found.more());
        });
    }

    private record Named(String query, int max) {
    }

    /** The search rule: id or name containing the text (every task for empty text); at most {@code max}. */
    public Matches containing(String text, int max) {
        if (text.isEmpty()) {
            return new Matches(tasks.subList(0, Math.min(max, tasks.size())), tasks.size() > max);
        }
        return matches(search.idsOrNamesContaining(text, max + 1), max);
    }

    private Matches matches(int[] found, int max) {
        return new Matches(pick(found, max), found.length > max);
    }

    private List<Task> pick(int[] positions, int max) {
        List<Task> picked = new ArrayList<>(Math.min(positions.length, max));
        for (int i = 0; i < positions.length && i < max; i++) {
            picked.add(tasks.get(positions[i]));
        }
        return picked;
    }

    /** The first {@code max} of two ascending lists together, each position once. */
    static int[] union(int[] a, int[] b, int max) {
        int[] out = new int[Math.min(max, a.length + b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (n < out.length && (i < a.length || j < b.length)) {
            int next;
            if (j >= b.length || (i < a.length && a[i] <= b[j])) {
                next = a[i++];
            } else {
                next = b[j++];
            }
            if (n == 0 || out[n - 1] != next) {
                out[n++] = next;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static Map<String, int[]> compact(Map<String, List<Integer>> lists) {
        Map<String, int[]> out = new HashMap<>(lists.size() * 4 / 3 + 1);
        lists.forEach((key, list) -> out.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** Some tasks of a group, and whether more matched than were asked for. */
    public record Matches(List<Task> tasks, boolean more) {

        public static final Matches NONE = new Matches(List.of(), false);
    }
}
