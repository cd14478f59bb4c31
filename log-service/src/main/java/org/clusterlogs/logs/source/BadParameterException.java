package org.clusterlogs.logs.source;

import org.clusterlogs.common.problem.ProblemException;

/** A query parameter or header a client sent that does not parse: {@code skip}, {@code limit}, {@code filter}. Answers 400. */
public class BadParameterException extends ProblemException {

    public BadParameterException(String message) {
        super(400, "BadParameter", message);
    }
}
