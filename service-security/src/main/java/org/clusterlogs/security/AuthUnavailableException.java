package org.clusterlogs.security;

import org.clusterlogs.common.problem.ProblemException;

/**
 * No decision can be made because auth-service cannot be asked (its keys or its policy query).
 * The request fails closed with 503 and {@code Retry-After}, never with a 500 or an allow.
 */
public class AuthUnavailableException extends ProblemException {

    public static final String CODE = "ERR_AUTH_UNAVAILABLE";

    public AuthUnavailableException(String detail) {
        super(503, CODE, detail);
    }
}
