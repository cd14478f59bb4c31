package org.clusterlogs.logs.source.sandbox;

import org.clusterlogs.logs.source.LogNotFoundException;

/**
 * Task sandboxes are kept per Mesos agent, and this node's agent id is not known (no
 * {@code logs.mesos-agent-id}, and no usable {@code meta/slaves/latest} link). Answers 404: no
 * task log can be on this node until an agent is found.
 */
public class NoMesosAgentException extends LogNotFoundException {

    private final String why;

    public NoMesosAgentException(String why) {
        super("no Mesos agent is found on this node: " + why);
        this.why = why;
    }

    /** Why no agent is found, without the leading "no Mesos agent is found". */
    public String why() {
        return why;
    }
}
