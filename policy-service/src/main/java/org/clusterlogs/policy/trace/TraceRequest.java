package org.clusterlogs.policy.trace;

import java.util.Map;

/**
 * A sample call to render a policy against.
 *
 * @param revision    the revision to trace; absent: the latest
 * @param variables   flow variables by name ({@code request.verb}, {@code request.header.Accept},
 *                    {@code request.queryparam.cursor}, {@code response.status.code}, ...);
 *                    {@code system.timestamp} (milliseconds) fixes the time, else now
 * @param environment names the file in the prefixed and nested layouts (default {@code default})
 * @param service     the same (default {@code log-service})
 */
public record TraceRequest(Integer revision, Map<String, String> variables, String environment, String service) {
}
