package org.clusterlogs.testing;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** Assertions on RFC 9457 problem responses. */
public final class ProblemJson {

    /** Written out here rather than taken from the code under test, so a wrong constant there fails. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    /**
     * Asserts a problem response: this HTTP status, the problem media type and the same
     * {@code status} member in the body. Returns the response for further checks.
     */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(MEDIA_TYPE)
                .body("status", equalTo(status));
    }
}
