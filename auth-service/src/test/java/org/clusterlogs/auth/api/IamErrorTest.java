package org.clusterlogs.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.clusterlogs.testing.ProblemJson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/** An IAM error is the suite's problem with the reference's code and its description member. */
@QuarkusTest
class IamErrorTest {

    static final String PATH = "/test-only/iam-error";

    /** Test-only route, hidden so the served OpenAPI document stays the contract. */
    @Path(PATH)
    public static class Failing {
        @GET
        @Operation(hidden = true)
        public String fail() {
            throw new IamException(400, "ERR_INVALID_USER_ID", "uid must be 2 to 96 characters");
        }
    }

    @Test
    void carriesCodeAndDescription() {
        ProblemJson.assertProblem(given().get(PATH).then(), 400, "ERR_INVALID_USER_ID", PATH)
                .body("title", equalTo("Bad Request"))
                .body("detail", equalTo("uid must be 2 to 96 characters"))
                .body("description", equalTo("uid must be 2 to 96 characters"));
    }
}
