package org.clusterlogs.policy.trace;

import java.util.List;

/**
 * What a traced call would have sent: one record per destination, or the failure that would have
 * stopped the policy step.
 */
public record TraceResult(String name, int revision, List<Record> records, Failure failure) {

    /**
     * @param destination where it would go ({@code syslog+tcp://host:port}, {@code file:/path})
     * @param text        the bytes as UTF-8 text (framing included)
     * @param base64      the exact bytes
     */
    public record Record(String destination, String text, String base64) {
    }

    /**
     * @param continueOnError true: the call goes on and the failure is in flow variables; false:
     *                        the call fails with this fault
     */
    public record Failure(String fault, String message, boolean continueOnError) {
    }
}
