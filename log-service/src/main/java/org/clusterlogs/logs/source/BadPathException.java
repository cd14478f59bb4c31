package org.clusterlogs.logs.source;

/** A path a client sent that cannot name a log: a traversal attempt, a directory, an escaping link. */
public class BadPathException extends RuntimeException {

    public BadPathException(String message) {
        super(message);
    }
}
