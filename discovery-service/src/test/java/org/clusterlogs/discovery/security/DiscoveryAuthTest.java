package org.clusterlogs.discovery.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.clusterlogs.discovery.testsupport.Eventually;
import org.clusterlogs.discovery.testsupport.StateFile;
import org.clusterlogs.testing.ProblemJson;
import org.clusterlogs.testing.auth.FakeAuthServer;
import org.clusterlogs.testing.auth.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * discovery-service with authentication on, against a small auth-service on a loopback port:
 * every route that reveals tasks needs {@code dcos:adminrouter:ops:system-logs full}; the agent
 * routes also take {@code dcos:adminrouter:system:agent full}; health and service info stay open.
 */
@QuarkusTest
@TestProfile(DiscoveryAuthTest.AuthOn.class)
class DiscoveryAuthTest {

    private static final String LOGS = "dcos:adminrouter:ops:system-logs";
    private static final String AGENT = "dcos:adminrouter:system:agent";
    private static final List<String> PROTECTED = List.of("/system/v1/logs/v2/task/nginx",
            "/system/v1/logs/v2/task/nginx/file/stdout/download", "/mesos/state", "/mesos/master/slaves",
            "/system/v1/tasks?q=web", "/system/v1/agents");

    /** Authentication on, against {@link FakeAuthServer} knowing this service's account; a state.json file. */
    public static class AuthOn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeAuthServer.class, Map.of("service-uid", "discovery-service")),
                    new TestResourceEntry(StateFile.class));
        }
    }

    @BeforeEach
    void ready() {
        FakeAuthServer.down = false;
        Eventually.within(Duration.ofSeconds(10), () -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static String granted(String name, String rid) {
        String uid = name + "-" + System.nanoTime();
        FakeAuthServer.GRANTS.add(uid + " " + rid + " full");
        return uid;
    }

    private static RequestSpecification as(String uid) {
        return given().redirects().follow(false).header("Authorization", "token=" + TestTokens.valid(uid));
    }

    @Test
    void withoutATokenEveryTaskRouteIs401() {
        for (String path : PROTECTED) {
            ProblemJson.assertProblem(given().redirects().follow(false).get(path).then(), 401)
                    .header("WWW-Authenticate", "acsjwt").body("code", equalTo("ERR_MISSING_TOKEN"));
        }
    }

    @Test
    void withoutTheGrantEveryTaskRouteIs403() {
        String uid = granted("agent-only", AGENT);
        for (String path : PROTECTED) {
            ProblemJson.assertProblem(as(uid).get(path).then(), 403).body("code", equalTo("ERR_FORBIDDEN"));
        }
    }

    @Test
    void withSystemLogsTheRoutesAnswer() {
        String uid = granted("reader", LOGS);
        as(uid).get("/system/v1/logs/v2/task/nginx").then().statusCode(303);
        given().header("Authorization", "Bearer " + TestTokens.valid(uid)).get("/mesos/state").then().statusCode(200);
        given().cookie("dcos-acs-auth-cookie", TestTokens.valid(uid)).get("/system/v1/agents").then().statusCode(200);
        as(uid).get("/system/v1/tasks?q=web").then().statusCode(200);
    }

    @Test
    void agentRoutesTakeEitherPermission() {
        String agentOnly = granted("agent", AGENT);
        String logsOnly = granted("logs", LOGS);
        String nobody = granted("nobody", "dcos:adminrouter:ops:other");
        for (String path : List.of("/system/v1/agent/agent-1/logs/v2/component", "/agent/agent-1/files/read")) {
            as(agentOnly).get(path).then().statusCode(not(equalTo(403)));
            as(logsOnly).get(path).then().statusCode(not(equalTo(403)));
            ProblemJson.assertProblem(as(nobody).get(path).then(), 403);
        }
    }

    @Test
    void healthAndServiceInfoStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/service-info").then().statusCode(200);
    }
}
