package org.clusterlogs.cli.http;

/**
 * A request the cluster refused or could not serve, with the message the user is shown: the
 * command ends with exit code 1 and this message on stderr. {@code status} is the HTTP status
 * (0 when no answer decided it), which tells a follower what is worth retrying.
 */
public final class ApiFailure extends RuntimeException {

    public static final String LOGIN_HINT = "not logged in or token expired: run clusterlogs login";

    private final int status;

    public ApiFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public ApiFailure(String message) {
        this(0, message);
    }

    public static ApiFailure notLoggedIn() {
        return new ApiFailure(401, LOGIN_HINT);
    }

    public int status() {
        return status;
    }

    /** A node or service that is down or busy for now: a follower waits and tries again. */
    public boolean isTransient() {
        return status == 502 || status == 503 || status == 504;
    }
}
