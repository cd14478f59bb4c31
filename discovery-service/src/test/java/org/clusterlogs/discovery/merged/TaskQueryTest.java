package org.clusterlogs.discovery.merged;

import org.clusterlogs.discovery.index.LogLocation;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.index.TaskGroup;
import org.clusterlogs.discovery.index.TaskKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class TaskQueryTest {

    private static final TaskGroup TASKS = TaskGroup.of(List.of(
            pod("shop", "web-1", "nginx", Map.of("app", "web", "tier", "frontend")),
            pod("shop", "web-1", "sidecar", Map.of("app", "web", "tier", "frontend")),
            pod("shop", "db-0", "postgres", Map.of("app", "db")),
            new Task("web.1", "web", TaskKind.MESOS, "marathon", "agent-1", "TASK_RUNNING", false,
                    new LogLocation.Sandbox("fw", "", "c-1"))));

    @Test
    void textMatchesIdOrNameAsTheTaskListDoes() {
        TaskQuery query = TaskQuery.of("web");
        assertInstanceOf(TaskQuery.Text.class, query);
        assertEquals(List.of("shop.web-1.nginx", "shop.web-1.sidecar", "web.1"), ids(query.matches(TASKS, 10)));
        assertEquals(List.of("shop.db-0.postgres"), ids(TaskQuery.of("postgres").matches(TASKS, 10)));
        assertEquals(4, TaskQuery.of("").matches(TASKS, 10).size(), "empty text: every task");
    }

    @Test
    void aLabelSelectorPicksTheContainersOfMatchingPodsAndNeverAMesosTask() {
        TaskQuery query = TaskQuery.of("app=web");
        assertInstanceOf(TaskQuery.Labels.class, query);
        assertEquals(List.of("shop.web-1.nginx", "shop.web-1.sidecar"), ids(query.matches(TASKS, 10)));
        assertEquals(List.of("shop.db-0.postgres"), ids(TaskQuery.of("app notin (web)").matches(TASKS, 10)));
        assertEquals(List.of("shop.db-0.postgres"), ids(TaskQuery.of("app in (web, db)").matches(TASKS, 1)),
                "at most max, in the group's order (by id)");
    }

    private static Task pod(String namespace, String pod, String container, Map<String, String> labels) {
        return new Task(namespace + "." + pod + "." + container, container, TaskKind.KUBERNETES, namespace, "node-1",
                "Running", false, new LogLocation.PodContainer(namespace, pod, container, labels));
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }
}
