package org.clusterlogs.discovery.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The discovery rule, over every source at once. A task matches a query when its name equals
 * the query or its id contains it. The running tasks are asked first: one match with logs is
 * the answer, several are ambiguous. With no running match, or one that has no logs yet (no
 * container, no node), the completed tasks are asked the same way. A query that is a task's
 * whole id names that task even when longer ids contain it too (otherwise {@code web.1} could
 * never be read beside {@code web.10}).
 */
public final class TaskLookup {

    /** The most candidates an ambiguous answer lists. */
    public static final int MAX_CANDIDATES = 20;

    private TaskLookup() {
    }

    /** What a query names. */
    public sealed interface Resolution permits Resolved, Ambiguous, NoLogs, NotFound {
    }

    /** One task, with logs. */
    public record Resolved(Task task) implements Resolution {
    }

    /** Several tasks: the first {@link #MAX_CANDIDATES} by id, and whether there are more. */
    public record Ambiguous(List<Task> candidates, boolean more) implements Resolution {
    }

    /** One task, that has nothing to read yet (or never had). */
    public record NoLogs(Task task) implements Resolution {
    }

    /** No task. */
    public record NotFound() implements Resolution {
    }

    public static Resolution resolve(List<SourceSnapshot> sources, String query) {
        TaskGroup.Matches running = matches(sources, SourceSnapshot::running, query);
        if (running.tasks().size() > 1) {
            return new Ambiguous(running.tasks(), running.more());
        }
        if (running.tasks().size() == 1 && running.tasks().get(0).hasLogs()) {
            return new Resolved(running.tasks().get(0));
        }
        TaskGroup.Matches completed = matches(sources, SourceSnapshot::completed, query);
        if (completed.tasks().size() > 1) {
            return new Ambiguous(completed.tasks(), completed.more());
        }
        if (completed.tasks().size() == 1 && completed.tasks().get(0).hasLogs()) {
            return new Resolved(completed.tasks().get(0));
        }
        if (!running.tasks().isEmpty()) {
            return new NoLogs(running.tasks().get(0));
        }
        return completed.tasks().isEmpty() ? new NotFound() : new NoLogs(completed.tasks().get(0));
    }

    /** The group's matches over every source: the one task of that exact id, else the rule's matches. */
    private static TaskGroup.Matches matches(List<SourceSnapshot> sources, Function<SourceSnapshot, TaskGroup> group,
                                             String query) {
        List<Task> exact = new ArrayList<>(1);
        for (SourceSnapshot source : sources) {
            exact.addAll(group.apply(source).withId(query));
        }
        if (exact.size() == 1) {
            return new TaskGroup.Matches(exact, false);
        }
        List<Task> found = new ArrayList<>();
        boolean more = false;
        for (SourceSnapshot source : sources) {
            TaskGroup.Matches some = group.apply(source).named(query, MAX_CANDIDATES);
            found.addAll(some.tasks());
            more |= some.more();
        }
        if (found.size() > MAX_CANDIDATES) {
            return new TaskGroup.Matches(List.copyOf(found.subList(0, MAX_CANDIDATES)), true);
        }
        return new TaskGroup.Matches(found, more);
    }
}
