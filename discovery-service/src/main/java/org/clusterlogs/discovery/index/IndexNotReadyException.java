package org.clusterlogs.discovery.index;

import org.clusterlogs.common.problem.ProblemException;

import java.time.Duration;

/**
 * A request that needs the index before every source has loaded once: 503 with
 * {@code Retry-After}, since the answer will come by itself (the mapper in the API adds the header).
 */
public class IndexNotReadyException extends ProblemException {

    private final transient Duration retryAfter;

    public IndexNotReadyException(Duration retryAfter) {
        super(503, "IndexNotReady", "the task index has not loaded yet; try again after Retry-After seconds");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
