package org.clusterlogs.messagelogging.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.clusterlogs.testing.auth.FakeAuthServer.eventually;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running service with the module: the policy deployed at the (fake) policy-service writes one
 * line per real HTTP call, errors and SSE streams included, and keeps doing so when
 * policy-service goes away.
 */
@QuarkusTest
@QuarkusTestResource(value = FakePolicyServiceResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessageLoggingFilterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<String> EXPECTED = new ArrayList<>();

    @Inject
    DeployedSet set;

    @Test
    @Order(1)
    void oneLinePerCallWithItsValues() {
        assertTrue(eventually(PATIENCE, () -> set.version() == 1), "the deployed set arrives");
        RestAssured.given().header("X-Test-Uid", "alice").header("Authorization", "token=secret")
                .get("/hello/t-1?x=1").then().statusCode(200).body(equalTo("hi"));
        RestAssured.given().get("/nothing-here").then().statusCode(404);
        EXPECTED.add("GET /hello/t-1?x=1 200 alice t-1 [redacted] yes test-service 7");
        EXPECTED.add("GET /nothing-here 404 anonymous - - - test-service 7");
        assertLines();
    }

    @Test
    @Order(2)
    void anSseStreamIsOneLineWhenItEnds() {
        RestAssured.given().get("/events").then().statusCode(200).body(containsString("data: 3"));
        EXPECTED.add("GET /events 200 anonymous - - - test-service 7");
        assertLines();
    }

    @Test
    @Order(3)
    void aPolicyThatCannotRenderIsCountedAndTheCallStands() {
        FakePolicyServiceResource.policyService.deploy("Strict", 1, null,
                "<MessageLogging name=\"Strict\"><IgnoreUnresolvedVariables>false</IgnoreUnresolvedVariables>"
                        + "<File><Message>{no.such.variable}</Message><FileName>strict.log</FileName></File></MessageLogging>");
        assertTrue(eventually(PATIENCE, () -> set.version() == 2), "the second policy arrives");
        RestAssured.given().get("/hello/t-3").then().statusCode(200).body(equalTo("hi"));
        EXPECTED.add("GET /hello/t-3 200 anonymous t-3 - yes test-service 7");
        assertLines();
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("messagelogging_step_failures_total 1.0"))
                .body(containsString("messagelogging_deployed_policies 2.0"))
                .body(containsString("messagelogging_deployed_set_version 2.0"));
        EXPECTED.add("GET /q/metrics 200 anonymous - - - test-service 7");
        assertLines();
    }

    @Test
    @Order(4)
    void policyServiceDownChangesNothingForCalls() {
        FakePolicyServiceResource.policyService.stop();
        RestAssured.given().header("X-Test-Uid", "bob").get("/hello/t-2").then().statusCode(200);
        EXPECTED.add("GET /hello/t-2 200 bob t-2 - yes test-service 7");
        assertLines();
        assertEquals(2, set.version(), "the last set keeps running");
        assertTrue(Files.exists(FakePolicyServiceResource.dir.resolve("state.json")), "and is saved for the next start");
    }

    private static void assertLines() {
        assertTrue(eventually(PATIENCE, () -> lines().size() >= EXPECTED.size()), () -> "lines: " + lines());
        assertEquals(EXPECTED, lines(), "exactly one line per call, in order");
    }

    private static List<String> lines() {
        Path file = FakePolicyServiceResource.dir.resolve("files").resolve("calls.log");
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
