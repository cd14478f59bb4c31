package org.clusterlogs.policy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.clusterlogs.testing.ProblemJson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/** A refused policy is the suite's problem with every validation error in its errors member. */
@QuarkusTest
class PolicyValidationErrorTest {

    static final String PATH = "/test-only/invalid-policy";

    /** Test-only route, hidden so the served OpenAPI document stays the contract. */
    @Path(PATH)
    public static class Failing {
        @GET
        @Operation(hidden = true)
        public String fail() {
            throw new PolicyValidationException(List.of(
                    new ValidationError("InvalidPort", "Invalid Port: 0 for Syslog handler in policy LogToSyslog.",
                            "LogToSyslog"),
                    new ValidationError("InvalidProtocol", "Invalid Protocol: SCTP for Syslog handler in policy "
                            + "LogToSyslog.", "LogToSyslog")));
        }
    }

    @Test
    void listsEveryErrorFlatInTheProblem() {
        ProblemJson.assertProblem(given().get(PATH).then(), 400, PolicyValidationException.CODE, PATH)
                .body("detail", equalTo("the policy has 2 errors; see errors"))
                .body("errors", hasSize(2))
                .body("errors[0].code", equalTo("InvalidPort"))
                .body("errors[0].message", equalTo("Invalid Port: 0 for Syslog handler in policy LogToSyslog."))
                .body("errors[0].policy", equalTo("LogToSyslog"))
                .body("errors[1].code", equalTo("InvalidProtocol"));
    }

    @Test
    void aRefusalNeedsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new PolicyValidationException(List.of()));
    }
}
