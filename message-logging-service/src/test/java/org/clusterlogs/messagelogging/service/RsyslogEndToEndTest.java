package org.clusterlogs.messagelogging.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.clusterlogs.testing.syslog.RsyslogServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.clusterlogs.testing.auth.FakeAuthServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real calls to a running service reach a real rsyslogd as exactly the rendered lines, in order. */
@QuarkusTest
@QuarkusTestResource(value = RsyslogResource.class, restrictToAnnotatedClass = true)
class RsyslogEndToEndTest {

    @Inject
    DeployedSet set;

    @Test
    void everyCallIsOneRecordAtTheSyslogServer() {
        assertTrue(eventually(Duration.ofSeconds(20), () -> set.version() == 1), "the deployed set arrives");
        RestAssured.given().header("X-Test-Uid", "carol").get("/hello/e2e-1").then().statusCode(200);
        RestAssured.given().get("/hello/e2e-2?q=x").then().statusCode(200);
        RestAssured.given().get("/e2e-missing").then().statusCode(404);
        assertEquals(List.of(
                        "test-service GET /hello/e2e-1 200 carol",
                        "test-service GET /hello/e2e-2?q=x 200 anonymous",
                        "test-service GET /e2e-missing 404 anonymous"),
                RsyslogResource.syslog.awaitRecords(RsyslogServer.Transport.TCP, "e2e", 3, Duration.ofSeconds(20)));
    }
}
