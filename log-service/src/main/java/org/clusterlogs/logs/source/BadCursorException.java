package org.clusterlogs.logs.source;

/** A client-sent cursor that this source cannot use: malformed or unknown. Answers 400. */
public class BadCursorException extends RuntimeException {

    public BadCursorException(String message) {
        super(message);
    }
}
