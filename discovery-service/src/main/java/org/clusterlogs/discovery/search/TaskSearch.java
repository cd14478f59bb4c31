package org.clusterlogs.discovery.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.index.Agent;
import org.clusterlogs.discovery.index.SourceSnapshot;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.index.TaskGroup;
import org.clusterlogs.discovery.index.TaskIndex;
import org.clusterlogs.discovery.redirect.TaskDiscovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Completion for a CLI or a log viewer: the tasks whose id or name contains some text, running
 * ones first, at most {@code limit}; and the agents. Unlike discovery, which wants one task,
 * this lists them all (up to the limit).
 */
@ApplicationScoped
public class TaskSearch {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final TaskIndex index;

    public TaskSearch(TaskIndex index) {
        this.index = index;
    }

    /** Some tasks, and whether more matched. */
    public record Found(List<Task> tasks, boolean more) {
    }

    /**
     * @param text  what the id or name contains; empty: every task
     * @param limit how many at most; empty: {@link #DEFAULT_LIMIT}
     */
    public Found tasks(String text, OptionalInt limit) {
        TaskDiscovery.checkText("q", text);
        int max = limit.orElse(DEFAULT_LIMIT);
        if (max < 1 || max > MAX_LIMIT) {
            throw new ProblemException(400, "BadParameter", "limit must be from 1 to " + MAX_LIMIT);
        }
        List<SourceSnapshot> snapshots = index.snapshotsOrFail();
        List<Task> tasks = new ArrayList<>();
        boolean more = collect(snapshots, SourceSnapshot::running, text, max, tasks);
        more |= collect(snapshots, SourceSnapshot::completed, text, max, tasks);
        return new Found(tasks, more);
    }

    /** Every agent of every source, by id. */
    public List<Agent> agents() {
        return index.snapshotsOrFail().stream().flatMap(snapshot -> snapshot.agents().values().stream())
                .sorted(Comparator.comparing(Agent::id)).toList();
    }

    /** Adds the group's matches while there is room; true when some did not fit. */
    private static boolean collect(List<SourceSnapshot> snapshots, Function<SourceSnapshot, TaskGroup> group,
                                   String text, int max, List<Task> into) {
        boolean more = false;
        for (SourceSnapshot snapshot : snapshots) {
            int room = max - into.size();
            if (room <= 0) {
                return more || group.apply(snapshot).containing(text, 1).tasks().size() > 0;
            }
            TaskGroup.Matches matches = group.apply(snapshot).containing(text, room);
            into.addAll(matches.tasks());
            more |= matches.more();
        }
        return more;
    }
}
