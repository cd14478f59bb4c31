package org.clusterlogs.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.restassured.response.ValidatableResponse;

/** Assertions on the suite's problem responses (RFC 9457 plus {@code code}). */
public final class ProblemJson {

    /** Written out here rather than taken from the code under test, so a wrong constant there fails. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    /**
     * Asserts a problem response: this HTTP status, the problem media type, the same
     * {@code status} member in the body, {@code type} {@code about:blank}, a {@code title} and a
     * {@code code} that is a name (letters, digits, '_'). Returns the response for further checks.
     */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", equalTo("about:blank"))
                .body("title", not(emptyOrNullString()))
                .body("code", matchesPattern("[A-Za-z][A-Za-z0-9_]*"));
    }

    /** {@link #assertProblem(ValidatableResponse, int)} with this {@code code} and {@code instance}. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String code,
            String instance) {
        return assertProblem(response, status)
                .body("code", equalTo(code))
                .body("instance", equalTo(instance));
    }
}
