package org.clusterlogs.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every JAX-RS service built on service-common serves: {@code /service-info}, health,
 * Prometheus metrics, Swagger UI, problem JSON for 404, 405, 406 and 500, and an OpenAPI
 * document equal to its committed contract. A service's test extends this with
 * {@code @QuarkusTest}, says what it expects, and indexes this jar in tests so that
 * {@link FailingResource} is served.
 */
public abstract class ServiceBaselineTests {

    private final Expected expected;

    /**
     * @param service      the service name, as in {@code quarkus.application.name} and {@code openapi/<service>.yaml}
     * @param version      the version {@code /service-info} reports
     * @param statusPrefix how the status {@code /service-info} reports begins
     */
    protected ServiceBaselineTests(String service, String version, String statusPrefix) {
        this.expected = new Expected(service, version, statusPrefix);
    }

    @Test
    public void describesThisService() {
        given().accept("application/json")
                .when().get("/service-info")
                .then().statusCode(200)
                .contentType("application/json")
                .body("service", equalTo(expected.service()))
                .body("version", equalTo(expected.version()))
                .body("status", startsWith(expected.statusPrefix()));
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
        ProblemJson.assertProblem(given().when().delete("/service-info").then(), 405);
    }

    @Test
    public void unacceptableMediaTypeIsProblemJson() {
        ProblemJson.assertProblem(given().accept("text/csv").when().get("/service-info").then(), 406);
    }

    @Test
    public void unexpectedErrorIsProblemJsonWithoutInternals() {
        ProblemJson.assertProblem(given().when().get(FailingResource.PATH).then(), 500)
                .body(not(containsString(FailingResource.SECRET)))
                .body(not(containsString("at org.clusterlogs")));
    }

    @Test
    public void servedOpenApiEqualsCommittedContract() {
        OpenApiContract.assertServedEquals(expected.service());
    }

    private record Expected(String service, String version, String statusPrefix) {
    }
}
