package org.clusterlogs.discovery.index;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The discovery rule's answers, remembered per query and limit: the same whether asked first or again. */
class TaskGroupTest {

    private static Task task(String id, String name) {
        return new Task(id, name, TaskKind.MESOS, "marathon", "agent-1", "TASK_RUNNING", false, null);
    }

    private final TaskGroup group = TaskGroup.of(IntStream.range(0, 30)
            .mapToObj(i -> task("web.%02d".formatted(i), "web")).toList());

    @Test
    void aRepeatedQueryAnswersTheSameAndEachLimitItsOwn() {
        TaskGroup.Matches three = group.named("web", 3);
        assertEquals(List.of("web.00", "web.01", "web.02"), three.tasks().stream().map(Task::id).toList());
        assertTrue(three.more());
        assertEquals(three, group.named("web", 3));
        TaskGroup.Matches all = group.named("web", 50);
        assertEquals(30, all.tasks().size());
        assertFalse(all.more());
        assertEquals(List.of("web.07"), group.named("web.07", 5).tasks().stream().map(Task::id).toList());
        assertEquals(List.of(), group.named("api", 5).tasks());
    }

    @Test
    void aRememberedAnswerCannotBeChangedByItsReader() {
        List<Task> tasks = group.named("web.1", 20).tasks();
        assertThrows(UnsupportedOperationException.class, () -> tasks.remove(0));
        assertEquals(10, group.named("web.1", 20).tasks().size(), "web.10 to web.19");
    }
}
