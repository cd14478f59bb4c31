package org.clusterlogs.auth.token;

/**
 * A token that does not verify. The message says why, for the server log only: the client gets a
 * plain 401 that never repeats the token or the reason.
 */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason);
    }
}
