package org.clusterlogs.discovery.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemExceptionMapperTest {

    @Test
    void unknownRouteIsProblemJson() {
        given().when().get("/no-such-route")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/no-such-route"));
    }

    @Test
    void wrongMethodIsProblemJson() {
        given().when().delete("/service-info")
                .then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(405));
    }

    @Test
    void unacceptableMediaTypeIsProblemJson() {
        given().accept("text/csv")
                .when().get("/service-info")
                .then().statusCode(406)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(406));
    }

    @Test
    void unexpectedErrorIsProblemJsonWithoutInternals() {
        given().when().get(FailingResource.PATH)
                .then().statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(500))
                .body(not(containsString(FailingResource.SECRET)))
                .body(not(containsString("at org.clusterlogs")));
    }
}
