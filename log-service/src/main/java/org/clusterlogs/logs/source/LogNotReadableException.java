package org.clusterlogs.logs.source;

import org.clusterlogs.common.problem.ProblemException;

/** The node's file permissions do not let the service read the log a client named. Answers 403. */
public class LogNotReadableException extends ProblemException {

    public LogNotReadableException() {
        super(403, "LogNotReadable", "the service may not read this log (file permissions on the node)");
    }
}
