package org.clusterlogs.logs.source;

import org.clusterlogs.common.problem.ProblemException;

/** The log a client named does not exist on this node. Answers 404. */
public class LogNotFoundException extends ProblemException {

    public LogNotFoundException(String message) {
        super(404, "LogNotFound", message);
    }
}
