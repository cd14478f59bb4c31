package org.clusterlogs.auth.login;

import org.clusterlogs.common.problem.ProblemException;

/**
 * 429 for a throttled login, answered with {@code Retry-After}. The body is the same whether the
 * uid exists or not.
 */
public class TooManyAttemptsException extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super(429, "ERR_TOO_MANY_LOGIN_ATTEMPTS", "too many failed logins; try again later");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
