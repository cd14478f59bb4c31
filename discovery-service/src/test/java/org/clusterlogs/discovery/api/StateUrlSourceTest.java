package org.clusterlogs.discovery.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.discovery.testsupport.Eventually;
import org.clusterlogs.discovery.testsupport.StateJson;
import org.clusterlogs.discovery.testsupport.StateServer;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Mesos source from a URL served by a real HTTP server: not ready (503 with Retry-After,
 * readiness down) until the first good answer, then redirects; a changed document adds a task;
 * a failing master afterwards leaves the last good index answering and says so in readiness.
 */
@QuarkusTest
@QuarkusTestResource(value = StateServer.class, restrictToAnnotatedClass = true)
class StateUrlSourceTest {

    private static final String TASK = "/system/v1/logs/v2/task/";

    @Test
    void notReadyThenLoadedThenRefreshedThenStale() {
        // 1. the master answers 503: nothing loaded, the index is not ready
        Eventually.within(Duration.ofSeconds(10), () -> assertEquals(true, StateServer.REQUESTS.get() > 0));
        ProblemJson.assertProblem(given().redirects().follow(false).get(TASK + "nginx").then(), 503,
                "IndexNotReady", TASK + "nginx").header("Retry-After", "1");
        ProblemJson.assertProblem(given().get("/mesos/state").then(), 503).body("code", equalTo("IndexNotReady"));
        given().get("/q/health/ready").then().statusCode(503).body("checks[0].data.'mesos.loaded'", equalTo(false));
        assertEquals("/master/state?jsonp=no", StateServer.lastPath);

        // 2. the master answers: ready, and the task redirects
        StateServer.body = StateJson.cluster().bytes();
        StateServer.status = 200;
        Eventually.within(Duration.ofSeconds(10), () -> given().get("/q/health/ready").then().statusCode(200));
        given().redirects().follow(false).get(TASK + "nginx").then().statusCode(303);
        assertArrayEquals(StateServer.body, given().get("/mesos/state").then().statusCode(200).extract().asByteArray());

        // 3. a new task appears in the master's state
        StateJson more = StateJson.cluster();
        StateJson.task(more.framework("marathon"), "tasks", "fresh.1", "fresh", "", "agent-2", "c-fresh", null);
        StateServer.body = more.bytes();
        Eventually.within(Duration.ofSeconds(10), () -> given().redirects().follow(false).get(TASK + "fresh")
                .then().statusCode(303));

        // 4. the master fails: the last good index still answers, readiness counts the failures
        StateServer.status = 500;
        Eventually.within(Duration.ofSeconds(10), () -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks[0].data.'mesos.failed-refreshes'", greaterThan(1)));
        given().redirects().follow(false).get(TASK + "fresh").then().statusCode(303);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("discovery_index_refresh_failures_total{source=\"mesos\"}"));
    }
}
