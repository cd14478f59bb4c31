package org.clusterlogs.logs.source.sandbox;

import org.clusterlogs.logs.source.SafePaths;

import java.util.ArrayList;
import java.util.List;

/** The ids in a task file route; each is checked to be one harmless path segment. */
public record SandboxId(String framework, String executor, String container, String task) {

    public SandboxId {
        SafePaths.segment(framework, "framework_id");
        SafePaths.segment(executor, "executor_id");
        SafePaths.segment(container, "container_id");
        if (task != null) {
            SafePaths.segment(task, "task_id");
        }
    }

    List<String> segments() {
        List<String> s = new ArrayList<>(List.of("frameworks", framework, "executors", executor, "runs", container));
        if (task != null) {
            s.add("tasks");
            s.add(task);
        }
        return s;
    }
}
