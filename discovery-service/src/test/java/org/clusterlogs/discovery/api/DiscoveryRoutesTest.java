package org.clusterlogs.discovery.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.clusterlogs.discovery.index.AgentDirectory;
import org.clusterlogs.discovery.testsupport.Eventually;
import org.clusterlogs.discovery.testsupport.StateFile;
import org.clusterlogs.discovery.testsupport.StateJson;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The discovery routes over a real socket, with a {@code state.json} file as the Mesos source:
 * command task, task in a pod, completed task, ambiguous and unknown names, the query carried
 * verbatim, the Mesos state document byte for byte, the task and agent lists, a refresh that
 * adds a task, and the agent directory the agent proxy asks.
 */
@QuarkusTest
@QuarkusTestResource(value = StateFile.class, restrictToAnnotatedClass = true)
class DiscoveryRoutesTest {

    private static final String TASK = "/system/v1/logs/v2/task/";
    private static final String NGINX = "/system/v1/agent/agent-1/logs/v2/task/frameworks/fw-marathon"
            + "/executors/nginx.7f3c/runs/c-nginx";

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgentDirectory agents;

    @BeforeEach
    void indexLoaded() {
        Eventually.within(Duration.ofSeconds(10), () -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static RequestSpecification request() {
        return given().redirects().follow(false);
    }

    private static ValidatableResponse seeOther(String path, String location) {
        return request().get(path).then().statusCode(303).header("Location", location)
                .contentType(startsWith("text/plain")).body(equalTo("See Other: " + location + "\n"));
    }

    @Test
    void commandTaskByNameAndByIdPart() {
        seeOther(TASK + "nginx", NGINX + "/stdout");
        seeOther(TASK + "x.7f3", NGINX + "/stdout");
        seeOther(TASK + "nginx/file/stderr", NGINX + "/stderr");
        seeOther(TASK + "nginx/browse", NGINX + "/files/browse");
        seeOther(TASK + "nginx/download", NGINX + "/stdout/download");
        seeOther(TASK + "nginx/file/app.log/download", NGINX + "/app.log/download");
    }

    @Test
    void taskInAPodGetsItsTaskDirectory() {
        seeOther(TASK + "sidecar", "/system/v1/agent/agent-1/logs/v2/task/frameworks/fw-pods/executors/pod1-executor"
                + "/runs/c-pod1/tasks/pod1.sidecar/stdout");
    }

    @Test
    void completedTaskWhenNoneRuns() {
        seeOther(TASK + "batch", "/system/v1/agent/agent-2/logs/v2/task/frameworks/fw-marathon/executors/batch.2a"
                + "/runs/c-batch/stdout");
        seeOther(TASK + "old.1/file/stderr", "/system/v1/agent/agent-2/logs/v2/task/frameworks/fw-old/executors/old.1"
                + "/runs/c-old/stderr");
    }

    @Test
    void queryStringIsCarriedVerbatimWhateverTheAccept() {
        String query = "cursor=END&skip=-5&filter=STREAM%3Astdout&filter=A:b&odd=%2F%20+x";
        for (String accept : List.of("text/event-stream", "application/json", "text/plain", "*/*")) {
            request().accept(accept).urlEncodingEnabled(false).get(TASK + "nginx/file/stdout?" + query)
                    .then().statusCode(303).header("Location", NGINX + "/stdout?" + query);
        }
    }

    @Test
    void ambiguousNameIs409WithTheCandidates() {
        ProblemJson.assertProblem(request().get(TASK + "web").then(), 409, "AmbiguousTask", TASK + "web")
                .body("candidates", contains("web.1", "web.10"))
                .body("moreCandidates", equalTo(false));
        seeOther(TASK + "web.1", "/system/v1/agent/agent-1/logs/v2/task/frameworks/fw-marathon/executors/web.1"
                + "/runs/c-web1/stdout");
    }

    @Test
    void otherMethodsThanGetAre405WithAllow() {
        for (String path : List.of("nginx", "nginx/file/stderr", "nginx/browse", "nginx/download",
                "nginx/file/app.log/download")) {
            for (String method : List.of("HEAD", "POST", "DELETE")) {
                ValidatableResponse answer = request().request(method, TASK + path).then().statusCode(405).header("Allow", "GET");
                if (!method.equals("HEAD")) {
                    ProblemJson.assertProblem(answer, 405, "MethodNotAllowed", TASK + path);
                }
            }
        }
        ProblemJson.assertProblem(request().post(TASK + "nginx/no/such/route").then(), 404, "NotFound",
                TASK + "nginx/no/such/route");
    }

    @Test
    void unknownTaskIs404() {
        ProblemJson.assertProblem(request().get(TASK + "no-such-task").then(), 404, "TaskNotFound",
                TASK + "no-such-task");
    }

    @Test
    void taskWithoutContainerIs409NoSandbox() {
        ProblemJson.assertProblem(request().get(TASK + "late").then(), 409, "NoSandbox", TASK + "late");
    }

    @Test
    void badInputIs400() {
        for (String path : List.of("nginx/file/a%2Fb", "nginx/file/a%5Cb", "ngi%0Anx")) {
            ProblemJson.assertProblem(request().urlEncodingEnabled(false).get(TASK + path).then(), 400)
                    .body("code", equalTo("BadParameter"));
        }
        ProblemJson.assertProblem(request().get(TASK + "x".repeat(1025)).then(), 400).body("code", equalTo("BadParameter"));
        ProblemJson.assertProblem(request().get("/system/v1/tasks?limit=0").then(), 400).body("code", equalTo("BadParameter"));
        ProblemJson.assertProblem(request().get("/system/v1/tasks?limit=ten").then(), 400).body("code", equalTo("BadParameter"));
        ProblemJson.assertProblem(request().get("/system/v1/tasks?limit=501").then(), 400).body("code", equalTo("BadParameter"));
    }

    @Test
    void mesosStateIsTheSourceByteForByte() {
        Eventually.within(Duration.ofSeconds(5), () -> {
            byte[] source = read();
            assertArrayEquals(source, request().get("/mesos/state").then().statusCode(200)
                    .contentType("application/json").extract().asByteArray());
            assertArrayEquals(source, request().get("/mesos/master/state").then().statusCode(200)
                    .extract().asByteArray());
        });
        request().get("/mesos/master/slaves").then().statusCode(200).contentType("application/json")
                .body("slaves.id", contains("agent-1", "agent-2"))
                .body("slaves[0].pid", equalTo("slave(1)@127.0.0.1:5051"))
                .body("slaves[0].resources.cpus", equalTo(4));
    }

    @Test
    void taskSearchListsWhatACliNeeds() {
        request().get("/system/v1/tasks?q=web").then().statusCode(200)
                .body("tasks.id", contains("web.1", "web.10"))
                .body("tasks[0].name", equalTo("web"))
                .body("tasks[0].kind", equalTo("mesos"))
                .body("tasks[0].framework", equalTo("marathon"))
                .body("tasks[0].agent", equalTo("agent-1"))
                .body("tasks[0].state", equalTo("TASK_RUNNING"))
                .body("tasks[0].completed", equalTo(false))
                .body("tasks[0].redirect", equalTo("/system/v1/agent/agent-1/logs/v2/task/frameworks/fw-marathon"
                        + "/executors/web.1/runs/c-web1/stdout"))
                .body("more", equalTo(false));
        request().get("/system/v1/tasks?q=batch").then().body("tasks[0].completed", equalTo(true));
        request().get("/system/v1/tasks?q=late").then().body("tasks[0].redirect", equalTo(null));
        request().get("/system/v1/tasks?limit=2").then().body("tasks.size()", equalTo(2))
                .body("more", equalTo(true));
        request().get("/system/v1/tasks").then().body("tasks.id", hasItems("pod1.sidecar", "batch.2a", "old.1"));
    }

    @Test
    void agentsAndTheDirectoryOfTheAgentProxy() {
        request().get("/system/v1/agents").then().statusCode(200)
                .body("agents.id", contains("agent-1", "agent-2"))
                .body("agents[0].hostname", equalTo("node-1.example"))
                .body("agents[0].kind", equalTo("mesos"))
                .body("agents[0].hasLogService", equalTo(true));
        assertEquals(Optional.of(new AgentDirectory.Found("agent-1", URI.create("http://127.0.0.1:8181"))),
                agents.find("agent-1"));
        assertEquals(Optional.of(new AgentDirectory.Found("agent-2", URI.create("http://node-2.example:8181"))),
                agents.find("agent-2"));
        assertEquals(Optional.of(new AgentDirectory.Unknown("agent-9")), agents.find("agent-9"));
    }

    @Test
    void aRewrittenStateAddsATask() {
        ProblemJson.assertProblem(request().get(TASK + "fresh").then(), 404).body("code", equalTo("TaskNotFound"));
        StateJson state = StateJson.cluster();
        StateJson.task(state.framework("marathon"), "tasks", "fresh.1", "fresh", "", "agent-2", "c-fresh", null);
        StateFile.write(state);
        Eventually.within(Duration.ofSeconds(10), () -> seeOther(TASK + "fresh",
                "/system/v1/agent/agent-2/logs/v2/task/frameworks/fw-marathon/executors/fresh.1/runs/c-fresh/stdout"));
    }

    private static byte[] read() {
        try {
            return Files.readAllBytes(StateFile.file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
