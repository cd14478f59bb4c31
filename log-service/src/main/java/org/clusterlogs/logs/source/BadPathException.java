package org.clusterlogs.logs.source;

import org.clusterlogs.common.problem.ProblemException;

/** A path a client sent that cannot name a log: a traversal attempt, a directory, an escaping link. Answers 400. */
public class BadPathException extends ProblemException {

    public BadPathException(String message) {
        super(400, "BadPath", message);
    }
}
