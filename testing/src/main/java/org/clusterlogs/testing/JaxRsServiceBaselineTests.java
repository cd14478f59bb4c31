package org.clusterlogs.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * {@link ServiceBaselineTests} plus what every JAX-RS service built on service-common serves:
 * {@code /service-info} and problem JSON for an unacceptable media type (406). The test indexes
 * this jar in tests so that {@link FailingResource} is served.
 */
public abstract class JaxRsServiceBaselineTests extends ServiceBaselineTests {

    private final String service;
    private final String version;
    private final String statusPrefix;

    /**
     * @param service      the service name, as in {@code quarkus.application.name} and {@code openapi/<service>.yaml}
     * @param version      the version {@code /service-info} reports
     * @param statusPrefix how the status {@code /service-info} reports begins
     */
    protected JaxRsServiceBaselineTests(String service, String version, String statusPrefix) {
        super(service, "/service-info");
        this.service = service;
        this.version = version;
        this.statusPrefix = statusPrefix;
    }

    @Test
    public void describesThisService() {
        given().accept("application/json")
                .when().get("/service-info")
                .then().statusCode(200)
                .contentType("application/json")
                .body("service", equalTo(service))
                .body("version", equalTo(version))
                .body("status", startsWith(statusPrefix));
    }

    @Test
    public void unacceptableMediaTypeIsProblemJson() {
        ProblemJson.assertProblem(given().accept("text/csv").when().get("/service-info").then(), 406,
                "NotAcceptable", "/service-info");
    }
}
