package org.clusterlogs.common.problem;

import java.util.Map;

/**
 * A failure the service knows how to explain: the only kind of exception that becomes a 4xx
 * (or a deliberate 5xx such as 503). Its message is the problem's {@code detail}, so it must be
 * written for the client. Everything else a request throws is an unexpected 500.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Map<String, Object> extensions;

    public ProblemException(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    /** With extension members, written next to the standard ones (see {@link Problem}). */
    public ProblemException(int status, String code, String detail, Map<String, Object> extensions) {
        super(detail);
        // a Problem checks status, code and member names, so a bad exception fails where it is made
        this.extensions = new Problem(Problem.TYPE, null, status, detail, null, code, extensions).extensions();
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The body that answers this failure of the request at {@code instance}. */
    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE, HttpTitles.of(status), status, getMessage(), instance, code, extensions);
    }
}
