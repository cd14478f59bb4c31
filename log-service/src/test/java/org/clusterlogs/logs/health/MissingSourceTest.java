package org.clusterlogs.logs.health;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A node that has only some kinds of log (a Kubernetes node has no Mesos sandboxes): the
 * others' routes answer 404 saying so, the node stays ready, and {@code /q/health} tells which
 * sources are served.
 */
@QuarkusTest
@TestProfile(MissingSourceTest.OnlyPods.class)
class MissingSourceTest {

    /** Pods exist; the sandbox root and the components directory do not. */
    public static class OnlyPods implements QuarkusTestProfile {
        static final Path BASE;

        static {
            try {
                BASE = Files.createTempDirectory("only-pods-");
                Files.createDirectories(BASE.resolve("pods"));
                Files.createDirectories(BASE.resolve("journal"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "logs.sandbox-root", BASE.resolve("no-mesos-here").toString(),
                    "logs.pods-root", BASE.resolve("pods").toString(),
                    "logs.components-dir", BASE.resolve("no-components").toString(),
                    "logs.journal-dir", BASE.resolve("journal").toString());
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void theRoutesOfAMissingSourceSayItIsNotServedHere() {
        given().get("/system/v1/logs/v2/task/frameworks/f/executors/e/runs/c/stdout")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("LogNotFound"))
                .body("detail", containsString("not configured on this node"))
                .body("detail", containsString("no-mesos-here"));
        given().get("/system/v1/logs/v2/task/frameworks/f/executors/e/runs/c/files/browse")
                .then().statusCode(404)
                .body("detail", containsString("not configured on this node"));
        given().queryParam("path", "/frameworks/f/executors/e/runs/c/stdout").get("/files/read")
                .then().statusCode(404)
                .body("detail", containsString("not configured on this node"));
    }

    @Test
    void healthTellsWhichSourcesAreServedAndStaysUp() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'log sources' }.data.'pod logs (logs.pods-root)'",
                        equalTo(OnlyPods.BASE.resolve("pods") + " (served)"))
                .body("checks.find { it.name == 'log sources' }.data.'task sandboxes (logs.sandbox-root)'",
                        equalTo(OnlyPods.BASE.resolve("no-mesos-here") + " (does not exist: not served)"))
                .body("checks.find { it.name == 'log sources' }.data.'journal (logs.journal-dir)'",
                        equalTo(OnlyPods.BASE.resolve("journal") + " (served)"));
    }

    @Test
    void aServedSourceStillAnswers() {
        given().get("/system/v1/logs/v2/pods/default/nothing/app")
                .then().statusCode(404)
                .body("detail", not(containsString("not configured")));
    }
}
