package org.clusterlogs.discovery.proxy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Before the index has loaded (here: its state.json never appears) an agent route is 503 with Retry-After. */
@QuarkusTest
@TestProfile(ProxyIndexNotReadyTest.NoStateYet.class)
class ProxyIndexNotReadyTest {

    @Test
    void agentRoutesAnswer503WithRetryAfter() {
        ProblemJson.assertProblem(given().get("/system/v1/agent/agent-1/logs/v2/component").then(), 503,
                "IndexNotReady", "/system/v1/agent/agent-1/logs/v2/component").header("Retry-After", equalTo("3"));
        ProblemJson.assertProblem(given().get("/agent/agent-1/files/read?path=/x").then(), 503,
                "IndexNotReady", "/agent/agent-1/files/read").header("Retry-After", equalTo("3"));
    }

    /** A Mesos source whose file does not exist: the index stays not ready. */
    public static class NoStateYet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("discovery.mesos.state", "/nonexistent/state.json", "discovery.mesos.refresh", "3s");
        }
    }
}
