package org.clusterlogs.discovery.index.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clusterlogs.discovery.index.Agent;
import org.clusterlogs.discovery.index.LogLocation;
import org.clusterlogs.discovery.index.SourceSnapshot;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.testsupport.StateJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MesosStateParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MesosStateParser parser = new MesosStateParser(JSON, "http", 8181);

    @Test
    void runningCompletedAndCompletedFrameworks() throws IOException {
        SourceSnapshot snapshot = parser.parse(StateJson.cluster().bytes()).snapshot();
        assertEquals(List.of("late.1", "nginx.7f3c", "pod1.sidecar", "web.1", "web.10"),
                snapshot.running().tasks().stream().map(Task::id).toList());
        assertEquals(List.of("batch.2a", "old.1"), snapshot.completed().tasks().stream().map(Task::id).toList());
        Task old = snapshot.completed().withId("old.1").get(0);
        assertEquals("old", old.frameworkName());
        assertEquals(new LogLocation.Sandbox("fw-old", "", "c-old"), old.location());
    }

    @Test
    void containerIdIsTheOutermostOfTheLatestStatusThatNamesOne() throws IOException {
        SourceSnapshot snapshot = parser.parse(StateJson.cluster().bytes()).snapshot();
        assertEquals(new LogLocation.Sandbox("fw-pods", "pod1-executor", "c-pod1"),
                snapshot.running().withId("pod1.sidecar").get(0).location());
        assertNull(((LogLocation.Sandbox) snapshot.running().withId("late.1").get(0).location()).containerId());
        String statuses = """
                {"frameworks":[{"id":"f","name":"n","tasks":[{"id":"t","name":"t","slave_id":"a","statuses":[
                  {"state":"TASK_STARTING","container_status":{"container_id":{"value":"first"}}},
                  {"state":"TASK_RUNNING","container_status":{"container_id":{"value":"inner","parent":{"value":"middle","parent":{"value":"outer"}}}}},
                  {"state":"TASK_KILLING"}]}]}]}""";
        Task task = parser.parse(statuses.getBytes(StandardCharsets.UTF_8)).snapshot().running().tasks().get(0);
        assertEquals("outer", ((LogLocation.Sandbox) task.location()).containerId());
        assertEquals("f", ((LogLocation.Sandbox) task.location()).frameworkId());
    }

    @Test
    void agentAddressFromPidElseHostname() throws IOException {
        StateJson state = StateJson.cluster().agent("agent-3", "node-3", "slave(1)@[fd00::5]:5051")
                .agent("agent-4", "node-4", "slave(1)");
        var agents = parser.parse(state.bytes()).snapshot().agents();
        assertEquals(URI.create("http://127.0.0.1:8181"), agents.get("agent-1").logService());
        assertEquals(URI.create("http://node-2.example:8181"), agents.get("agent-2").logService());
        assertEquals(URI.create("http://[fd00::5]:8181"), agents.get("agent-3").logService());
        assertEquals(URI.create("http://node-4:8181"), agents.get("agent-4").logService());
        assertEquals(Optional.of("10.0.0.5"), AgentAddress.pidHost("slave(1)@10.0.0.5:5051"));
    }

    @Test
    void slavesDocumentKeepsEveryAgentWhole() throws IOException {
        JsonNode slaves = JSON.readTree(parser.parse(StateJson.cluster().bytes()).slaves());
        assertEquals(1, slaves.size());
        assertEquals(JSON.readTree(StateJson.cluster().bytes()).get("slaves"), slaves.get("slaves"));
        Agent agent = parser.parse(StateJson.cluster().bytes()).snapshot().agents().get("agent-1");
        assertEquals("node-1.example", agent.hostname());
    }

    @Test
    void notAStateDocumentFails() {
        assertThrows(IOException.class, () -> parser.parse("{\"frameworks\": 3".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> parser.parse("<html>".getBytes(StandardCharsets.UTF_8)));
    }
}
