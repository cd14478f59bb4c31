package org.clusterlogs.discovery.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceInfoResourceTest {

    @Test
    void describesThisService() {
        given().accept("application/json")
                .when().get("/service-info")
                .then().statusCode(200)
                .contentType("application/json")
                .body("service", equalTo("discovery-service"))
                .body("version", equalTo("0.1.0"))
                .body("status", startsWith("skeleton:"));
    }

    @Test
    void healthIsUp() {
        for (String path : new String[] {"/q/health", "/q/health/live", "/q/health/ready"}) {
            given().when().get(path)
                    .then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }

    @Test
    void servesPrometheusMetricsAndSwaggerUi() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200);
    }
}
