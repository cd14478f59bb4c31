package org.clusterlogs.discovery.merged;

import org.clusterlogs.discovery.index.LogLocation;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.index.TaskGroup;

import java.util.List;

/**
 * What {@code q} selects. Text is matched as {@code /system/v1/tasks?q=} does: the tasks whose id
 * or name contains it (every task for an empty {@code q}). A {@code q} with {@code =}, {@code !=},
 * {@code  in (} or {@code  notin (} is a Kubernetes label selector ({@link LabelSelector}) over
 * the pod tasks: a pod's containers are selected by the pod's labels, Mesos tasks never.
 */
public sealed interface TaskQuery permits TaskQuery.Text, TaskQuery.Labels {

    /** The tasks of {@code group} this query selects, at most {@code max}. */
    List<Task> matches(TaskGroup group, int max);

    /** {@code q} as text or as a label selector (400 {@code BadParameter} for a malformed selector). */
    static TaskQuery of(String q) {
        return LabelSelector.looksLikeOne(q) ? new Labels(LabelSelector.parse(q)) : new Text(q);
    }

    /** Id or name containing the text. */
    record Text(String text) implements TaskQuery {
        @Override
        public List<Task> matches(TaskGroup group, int max) {
            return group.containing(text, max).tasks();
        }
    }

    /** Pod tasks whose pod's labels the selector accepts. */
    record Labels(LabelSelector selector) implements TaskQuery {
        @Override
        public List<Task> matches(TaskGroup group, int max) {
            return group.tasks().stream()
                    .filter(task -> task.location() instanceof LogLocation.PodContainer pod
                            && selector.test(pod.labels()))
                    .limit(max).toList();
        }
    }
}
