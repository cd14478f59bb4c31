package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The served OpenAPI document equals openapi/log-service.yaml; the operator endpoints answer. */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class OpenApiContractTest {

    @Test
    void servedDocumentEqualsCommittedContract() {
        OpenApiContract.assertServedEquals("log-service");
    }

    @Test
    void swaggerUiHealthAndMetricsAnswer() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("logs_served_bytes_total"));
    }
}
