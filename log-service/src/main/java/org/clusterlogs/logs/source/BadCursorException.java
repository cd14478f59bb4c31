package org.clusterlogs.logs.source;

import org.clusterlogs.common.problem.ProblemException;

/** A client-sent cursor that this source cannot use: malformed or unknown. Answers 400. */
public class BadCursorException extends ProblemException {

    public BadCursorException(String message) {
        super(400, "BadCursor", message);
    }
}
