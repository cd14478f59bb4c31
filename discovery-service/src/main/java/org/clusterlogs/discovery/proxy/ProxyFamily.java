package org.clusterlogs.discovery.proxy;

/** The kinds of request the proxy carries, by where they go; the {@code family} tag of its metrics. */
public enum ProxyFamily {

    /** {@code /system/v1/agent/{agent}/logs/**} to that node's log-service. */
    AGENT_LOGS("agent-logs"),
    /** {@code /agent/{agent}/files/{read,browse,download}} to that node's log-service. */
    AGENT_FILES("agent-files"),
    /** {@code /acs/api/v1/**} to auth-service. */
    ACS("acs"),
    /** {@code /v1/policies/**} and {@code /v1/environments/**} to policy-service. */
    POLICY("policy");

    private final String tag;

    ProxyFamily(String tag) {
        this.tag = tag;
    }

    /** The metric tag value. */
    public String tag() {
        return tag;
    }
}
