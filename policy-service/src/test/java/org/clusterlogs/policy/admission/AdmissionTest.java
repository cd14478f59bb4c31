package org.clusterlogs.policy.admission;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The admission webhook as the API server calls it: an AdmissionReview v1 in, one out. */
@QuarkusTest
class AdmissionTest {

    private static final String PATH = "/admission/messageloggingpolicies";

    private static String policy(String port) {
        return "<MessageLogging name=\"LogToSyslog\"><Syslog><Message>{request.uri}</Message><Host>syslog</Host>"
                + "<Port>" + port + "</Port><Protocol>TCP</Protocol></Syslog></MessageLogging>";
    }

    private static ValidatableResponse review(String operation, Map<String, Object> spec) {
        Map<String, Object> object = new HashMap<>(Map.of("apiVersion", "clusterlogs.org/v1",
                "kind", "MessageLoggingPolicy", "metadata", Map.of("name", "log-to-syslog")));
        if (spec != null) {
            object.put("spec", spec);
        }
        Map<String, Object> request = Map.of("uid", "705ab4f5-6393-11e8-b7cc-42010a800002", "operation", operation,
                "object", object);
        return given().contentType(ContentType.JSON)
                .body(Map.of("apiVersion", "admission.k8s.io/v1", "kind", "AdmissionReview", "request", request))
                .post(PATH).then().statusCode(200).body("apiVersion", equalTo("admission.k8s.io/v1"))
                .body("kind", equalTo("AdmissionReview"))
                .body("response.uid", equalTo("705ab4f5-6393-11e8-b7cc-42010a800002"));
    }

    @Test
    void aValidPolicyIsAllowed() {
        review("CREATE", Map.of("xml", policy("514"), "environment", "prod")).body("response.allowed", equalTo(true))
                .body("response.status", nullValue());
        review("UPDATE", Map.of("xml", policy("514"), "environment", "prod", "services", List.of("log-service")))
                .body("response.allowed", equalTo(true));
    }

    @Test
    void aBadPortIsRefusedWithTheValidatorsMessage() {
        review("CREATE", Map.of("xml", policy("0"), "environment", "prod")).body("response.allowed", equalTo(false))
                .body("response.status.code", equalTo(400))
                .body("response.status.message", equalTo("Invalid Port: 0 for Syslog handler in policy LogToSyslog."));
    }

    @Test
    void everyProblemOfTheResourceIsListed() {
        review("CREATE", Map.of("xml", policy("70000"), "services", List.of("Not_A_Label")))
                .body("response.allowed", equalTo(false))
                .body("response.status.message", containsString("Invalid Port: 70000"))
                .body("response.status.message", containsString("spec.environment is required"))
                .body("response.status.message", containsString("spec.services[]: a service name is a DNS label"));
        review("CREATE", Map.of("environment", "prod")).body("response.allowed", equalTo(false))
                .body("response.status.message", containsString("spec.xml must hold"));
    }

    @Test
    void aDeletionIsAlwaysAllowed() {
        review("DELETE", null).body("response.allowed", equalTo(true));
    }

    @Test
    void somethingThatIsNotAnAdmissionReviewIs400() {
        ProblemJson.assertProblem(given().contentType(ContentType.JSON).body("{\"kind\":\"Other\"}").post(PATH).then(),
                400).body("code", equalTo("InvalidAdmissionReview"));
    }
}
