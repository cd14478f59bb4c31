package org.clusterlogs.messagelogging.template;

/**
 * The variables a message template reads: what the service knows about the call being logged.
 * A plain lookup rather than a map so that families such as {@code request.header.{name}} can be
 * answered without copying every header into a map first.
 */
@FunctionalInterface
public interface FlowVariables {

    /** The value of the variable, or null when it is not set (an empty string is a value). */
    String get(String name);
}
