package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.logs.testsupport.FailingRoutes;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.testing.ProblemJson;
import org.clusterlogs.testing.ServiceBaselineTests;
import org.clusterlogs.testing.TestOnlyFailure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * log-service's HTTP baseline, the same checks as every service's (health, metrics, Swagger UI,
 * problem JSON for 404, 405 and 500, the OpenAPI contract), and how an unexpected failure is
 * answered and logged. The failing routes are {@link FailingRoutes}, in the test sources.
 */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class LogServiceBaselineTest extends ServiceBaselineTests {

    LogServiceBaselineTest() {
        super("log-service", "/system/v1/logs/v2/component");
    }

    @Test
    void logRouteCodesForUnknownPathAndWrongMethod() {
        ProblemJson.assertProblem(given().get("/no-such-route").then(), 404, "RouteNotFound", "/no-such-route");
        ProblemJson.assertProblem(given().post("/system/v1/logs/v2/component").then(), 405, "MethodNotAllowed",
                "/system/v1/logs/v2/component").header("Allow", "GET");
    }

    @Test
    void servesItsOwnMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("logs_served_bytes_total"));
    }

    @Test
    void strayExceptionOnAWorkerThreadIsA500LoggedOnce() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getThrown() != null && TestOnlyFailure.SECRET.equals(record.getThrown().getMessage())) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            ProblemJson.assertProblem(given().get(FailingRoutes.BLOCKING_PATH).then(), 500, "InternalError",
                            FailingRoutes.BLOCKING_PATH)
                    .body("detail", equalTo("The server could not complete the request; the service log has the details."))
                    .body(not(containsString(TestOnlyFailure.SECRET)))
                    .body(not(containsString("NullPointer")));
        } finally {
            root.removeHandler(handler);
        }
        assertEquals(1, logged.size(), () -> "logged " + logged.size() + " times with the stack trace");
        assertEquals(NullPointerException.class, logged.get(0).getThrown().getClass());
    }
}
