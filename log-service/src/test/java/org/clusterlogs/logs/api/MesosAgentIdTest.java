package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Task reads under a Mesos {@code slaves/} root find the agent by its {@code meta/slaves/latest}
 * link, not by the node name, and follow the link when the agent re-registers.
 */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class MesosAgentIdTest {

    @Test
    void taskReadsUseTheAgentIdNotTheNodeName() {
        assertNotEquals(LogRoots.NODE_ID, LogRoots.AGENT_ID);
        Sandboxes sandbox = Sandboxes.create();
        sandbox.write("stdout", "hello\n");
        given().get(sandbox.route("stdout")).then().statusCode(200).body(equalTo("hello\n"));
        given().accept("application/json").get(sandbox.route("stdout"))
                .then().statusCode(200).body("fields.AGENT_ID", equalTo(LogRoots.AGENT_ID));
    }

    @Test
    void aSandboxUnderTheNodeNameIsNotRead() {
        Sandboxes wrong = Sandboxes.create(LogRoots.NODE_ID);
        wrong.write("stdout", "not this agent's\n");
        given().get(wrong.route("stdout")).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void aReRegisteredAgentIsFollowed() throws IOException {
        String newId = "0c1f7a2e-5b9d-4e61-8a3c-2d4b6e8f0a11-S4";
        Sandboxes before = Sandboxes.create();
        before.write("stdout", "old agent\n");
        Sandboxes after = Sandboxes.create(newId);
        after.write("stdout", "new agent\n");
        given().get(after.route("stdout")).then().statusCode(404);
        try {
            pointLatestTo(newId);
            // the test service re-reads the link on every lookup (logs.mesos-agent-recheck=0s)
            given().get(after.route("stdout")).then().statusCode(200).body(equalTo("new agent\n"));
            given().get(before.route("stdout")).then().statusCode(404);
        } finally {
            pointLatestTo(LogRoots.AGENT_ID);
        }
        given().get(before.route("stdout")).then().statusCode(200).body(equalTo("old agent\n"));
    }

    @Test
    void aLinkOutOfMetaSlavesMeansNoAgent() throws IOException {
        Sandboxes sandbox = Sandboxes.create();
        sandbox.write("stdout", "hello\n");
        Path latest = LogRoots.metaSlaves().resolve("latest");
        try {
            Files.delete(latest);
            Files.createSymbolicLink(latest, LogRoots.outside());
            given().get(sandbox.route("stdout")).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.startsWith("no Mesos agent is found on this node"));
            given().get(sandbox.route("stdout") + "/download").then().statusCode(404);
            given().get(sandbox.route("files/browse")).then().statusCode(404);
        } finally {
            pointLatestTo(LogRoots.AGENT_ID);
        }
    }

    private static void pointLatestTo(String agentId) throws IOException {
        Path meta = Files.createDirectories(LogRoots.metaSlaves().resolve(agentId));
        Path latest = LogRoots.metaSlaves().resolve("latest");
        Path next = LogRoots.metaSlaves().resolve("latest.next");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, meta);
        Files.move(next, latest, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
