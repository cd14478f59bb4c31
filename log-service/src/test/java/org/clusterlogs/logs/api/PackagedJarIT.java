package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.clusterlogs.logs.testsupport.SseClient;
import org.clusterlogs.testing.auth.FakeAuthServer;
import org.clusterlogs.testing.auth.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The runnable artifact ({@code target/quarkus-app/quarkus-run.jar}) started as its own
 * process in prod mode, authentication on (against {@link FakeAuthServer}): a range read, a
 * follow that sees an append, a refused escape, refusals without a token and without the
 * grant, the health, metrics and Swagger UI endpoints open.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(LogRoots.class)
@QuarkusTestResource(value = FakeAuthServer.class, restrictToAnnotatedClass = true)
class PackagedJarIT {

    private static final String UID = "jar-reader";

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void grant() {
        FakeAuthServer.GRANTS.add(UID + " dcos:adminrouter:ops:system-logs full");
    }

    private static RequestSpecification authorized() {
        return given().header("Authorization", "token=" + TestTokens.valid(UID));
    }

    @Test
    void servesReadsFollowsAndRefuses() throws Exception {
        Sandboxes sandbox = Sandboxes.create();
        Path stdout = sandbox.write("stdout", "one\ntwo\nthree\n");
        authorized().get(sandbox.route("stdout") + "?cursor=END&skip=-2").then().statusCode(200)
                .body(equalTo("two\nthree\n"));
        given().get(sandbox.route("stdout")).then().statusCode(401).header("WWW-Authenticate", "acsjwt")
                .contentType("application/problem+json");
        given().header("Authorization", "token=" + TestTokens.valid("stranger")).get(sandbox.route("stdout"))
                .then().statusCode(403).contentType("application/problem+json");
        String url = base.toString().replaceAll("/$", "") + sandbox.route("stdout") + "?cursor=END";
        try (SseClient sse = SseClient.open(url, null, "token=" + TestTokens.valid(UID))) {
            Files.writeString(stdout, "four\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            List<SseClient.Block> events = sse.events(1, Duration.ofSeconds(10));
            assertEquals("four", JsonPath.from(events.get(0).data()).getString("fields.MESSAGE"));
            assertEquals("18", events.get(0).id());
        }
        authorized().urlEncodingEnabled(false).get(sandbox.route("..%2F..%2Fsecret")).then().statusCode(400)
                .contentType("application/problem+json");
        String mesosPath = "/var/lib/mesos/slave/slaves/" + LogRoots.AGENT_ID + "/frameworks/" + sandbox.framework()
                + "/executors/" + sandbox.executor() + "/runs/" + sandbox.container() + "/stdout";
        authorized().queryParam("path", mesosPath).queryParam("offset", 4).queryParam("length", 3)
                .get("/files/read").then().statusCode(200).body("data", equalTo("two")).body("offset", equalTo(4));
        authorized().queryParam("path", "/var/lib/mesos/slave/../../../etc/passwd").get("/files/read")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void operatorEndpoints() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        authorized().get("/no/such/route").then().statusCode(404).contentType("application/problem+json");
    }
}
