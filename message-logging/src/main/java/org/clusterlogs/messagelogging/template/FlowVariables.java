package org.clusterlogs.messagelogging.template;

/**
 * The variables a message template reads: what the service knows about the call being logged.
 * A plain lookup rather than a map so that families such as {@code request.header.{name}} can be
 * answered without copying every header into a map first.
 */
@FunctionalInterface
public interface FlowVariables {

    /** {@code request.header.{name}}: a request header, names case-insensitive, values joined with a comma. */
    String REQUEST_HEADER = "request.header.";
    /** {@code response.header.{name}}: a response header, as the request's. */
    String RESPONSE_HEADER = "response.header.";
    /** {@code request.queryparam.{name}}: a query parameter's first value, names case-sensitive. */
    String QUERY_PARAM = "request.queryparam.";

    /** The value of the variable, or null when it is not set (an empty string is a value). */
    String get(String name);
}
