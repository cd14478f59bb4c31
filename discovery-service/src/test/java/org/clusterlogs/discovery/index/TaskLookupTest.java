package org.clusterlogs.discovery.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.discovery.index.mesos.MesosStateParser;
import org.clusterlogs.discovery.testsupport.StateJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookup rule over the shared fixture and a few made for one case. */
class TaskLookupTest {

    private static List<SourceSnapshot> index(StateJson state) throws IOException {
        return List.of(new MesosStateParser(new ObjectMapper(), "http", 8181).parse(state.bytes()).snapshot());
    }

    private static TaskLookup.Resolution resolve(StateJson state, String query) throws IOException {
        return TaskLookup.resolve(index(state), query);
    }

    private static String resolvedId(StateJson state, String query) throws IOException {
        return assertInstanceOf(TaskLookup.Resolved.class, resolve(state, query)).task().id();
    }

    @Test
    void exactNameOrUniqueIdPart() throws IOException {
        assertEquals("nginx.7f3c", resolvedId(StateJson.cluster(), "nginx"));
        assertEquals("nginx.7f3c", resolvedId(StateJson.cluster(), "x.7f"));
        assertEquals("pod1.sidecar", resolvedId(StateJson.cluster(), "sidecar"));
    }

    @Test
    void twoMatchesAreAmbiguousAndListedById() throws IOException {
        TaskLookup.Ambiguous ambiguous = assertInstanceOf(TaskLookup.Ambiguous.class, resolve(StateJson.cluster(), "web"));
        assertEquals(List.of("web.1", "web.10"), ambiguous.candidates().stream().map(Task::id).toList());
        assertFalse(ambiguous.more());
    }

    @Test
    void aWholeIdNamesItsTaskEvenInsideALongerId() throws IOException {
        assertEquals("web.1", resolvedId(StateJson.cluster(), "web.1"));
        assertEquals("web.10", resolvedId(StateJson.cluster(), "web.10"));
    }

    @Test
    void completedTasksWhenNoRunningOneMatches() throws IOException {
        assertEquals("batch.2a", resolvedId(StateJson.cluster(), "batch"));
        assertEquals("old.1", resolvedId(StateJson.cluster(), "old"));
    }

    @Test
    void aRunningTaskWithoutContainerHasNoLogsUnlessAnEarlierRunHas() throws IOException {
        assertEquals("late.1", assertInstanceOf(TaskLookup.NoLogs.class, resolve(StateJson.cluster(), "late"))
                .task().id());
        StateJson restarted = StateJson.cluster();
        StateJson.task(restarted.framework("marathon"), "completed_tasks", "late.0", "late", "", "agent-1", "c-late0",
                null);
        assertEquals("late.0", resolvedId(restarted, "late"));
    }

    @Test
    void runningAmbiguityIsNotHiddenByACompletedMatch() throws IOException {
        StateJson state = StateJson.cluster();
        StateJson.task(state.framework("marathon"), "completed_tasks", "web.0", "web", "", "agent-1", "c-web0", null);
        assertInstanceOf(TaskLookup.Ambiguous.class, resolve(state, "web"));
    }

    @Test
    void unknownIsNotFound() throws IOException {
        assertInstanceOf(TaskLookup.NotFound.class, resolve(StateJson.cluster(), "nothing-like-it"));
    }

    @Test
    void candidatesAreCutAtTwenty() throws IOException {
        StateJson state = new StateJson();
        ObjectNode framework = state.framework("fw", "marathon");
        for (int i = 0; i < 30; i++) {
            StateJson.task(framework, "tasks", String.format("many.%02d", i), "many", "", "agent-1", "c" + i, null);
        }
        TaskLookup.Ambiguous ambiguous = assertInstanceOf(TaskLookup.Ambiguous.class, resolve(state, "many"));
        assertEquals(TaskLookup.MAX_CANDIDATES, ambiguous.candidates().size());
        assertEquals("many.00", ambiguous.candidates().get(0).id());
        assertTrue(ambiguous.more());
    }
}
