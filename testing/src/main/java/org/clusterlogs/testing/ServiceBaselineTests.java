package org.clusterlogs.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * What every service of the suite serves, whatever its HTTP stack: health, Prometheus metrics,
 * Swagger UI, problem JSON for an unknown path (404), a wrong method (405) and an unexpected
 * failure (500, no internals), and an OpenAPI document equal to its committed contract. A
 * service's test extends this (or {@link JaxRsServiceBaselineTests}) with {@code @QuarkusTest}
 * and serves a route at {@link TestOnlyFailure#PATH} in tests that fails unexpectedly.
 */
public abstract class ServiceBaselineTests {

    private final String service;
    private final String getRoute;

    /**
     * @param service  the service name, as in {@code quarkus.application.name} and {@code openapi/<service>.yaml}
     * @param getRoute a path the service answers to GET and to no other method
     */
    protected ServiceBaselineTests(String service, String getRoute) {
        this.service = service;
        this.getRoute = getRoute;
    }

    @Test
    public void healthIsUp() {
        for (String path : new String[] {"/q/health", "/q/health/live", "/q/health/ready"}) {
            given().when().get(path)
                    .then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }

    @Test
    public void servesPrometheusMetricsAndSwaggerUi() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200);
    }

    @Test
    public void unknownRouteIsProblemJson() {
        ProblemJson.assertProblem(given().when().get("/no-such-route").then(), 404)
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/no-such-route"));
    }

    @Test
    public void wrongMethodIsProblemJson() {
        ProblemJson.assertProblem(given().when().delete(getRoute).then(), 405)
                .body("title", equalTo("Method Not Allowed"))
                .body("instance", equalTo(getRoute));
    }

    @Test
    public void unexpectedErrorIsProblemJsonWithoutInternals() {
        ProblemJson.assertProblem(given().when().get(TestOnlyFailure.PATH).then(), 500, "InternalError",
                        TestOnlyFailure.PATH)
                .body("title", equalTo("Internal Server Error"))
                .body(not(containsString(TestOnlyFailure.SECRET)))
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.clusterlogs")));
    }

    @Test
    public void servedOpenApiEqualsCommittedContract() {
        OpenApiContract.assertServedEquals(service);
    }
}
