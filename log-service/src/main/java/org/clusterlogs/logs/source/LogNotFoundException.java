package org.clusterlogs.logs.source;

/** The log a client named does not exist on this node. Answers 404. */
public class LogNotFoundException extends RuntimeException {

    public LogNotFoundException(String message) {
        super(message);
    }
}
