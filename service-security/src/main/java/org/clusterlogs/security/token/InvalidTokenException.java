package org.clusterlogs.security.token;

/**
 * A credential that does not authenticate anybody. The message is the reason, for the service
 * log only: the client gets one generic 401 whatever the reason, so it learns nothing from it.
 * Never put the token or a part of it in the message.
 */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
