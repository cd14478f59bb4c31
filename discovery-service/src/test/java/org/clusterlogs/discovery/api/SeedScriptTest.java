package org.clusterlogs.discovery.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.discovery.testsupport.Eventually;
import org.clusterlogs.discovery.testsupport.StateFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task lookup script of the DC/OS 1.11 logging API documentation (test resource
 * {@code seed/task-state-lookup.sh}, unchanged), run with bash, curl and jq against this
 * service's {@code /mesos/state}: its jq queries find the task's agent, framework, executor and
 * container. Its last line then reads the file through {@code /agent/{id}/files/read}, the
 * agent proxy's route; here only the values it would use are checked.
 */
@QuarkusTest
@QuarkusTestResource(value = StateFile.class, restrictToAnnotatedClass = true)
class SeedScriptTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void jqQueriesOfTheScriptFindTheTask() throws IOException, InterruptedException {
        Eventually.within(Duration.ofSeconds(10), () -> given().get("/mesos/state").then().statusCode(200));
        Path script = Path.of("src/test/resources/seed/task-state-lookup.sh");
        String dcosUrl = base.toString().replaceAll("/$", "");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c",
                "source \"$1\" >/dev/null; printf '%s\\n' \"$AGENT_ID\" \"$TASK_ID\" \"$FRAMEWORK_ID\" \"$EXECUTOR_ID\""
                        + " \"$CONTAINER_ID\"", "seed", script.toAbsolutePath().toString());
        bash.environment().put("DCOS_URL", dcosUrl);
        bash.environment().put("DCOS_AUTH_TOKEN", "unused-auth-is-off-in-this-test");
        bash.redirectErrorStream(false);
        Process process = bash.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script did not finish");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(List.of("agent-1", "nginx.7f3c", "fw-marathon", "nginx.7f3c", "c-nginx"), out.lines().toList(),
                () -> "stderr: " + new String(readErr(process), StandardCharsets.UTF_8));
    }

    private static byte[] readErr(Process process) {
        try {
            return process.getErrorStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
