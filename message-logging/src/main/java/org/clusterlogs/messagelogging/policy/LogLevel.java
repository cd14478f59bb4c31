package org.clusterlogs.messagelogging.policy;

/**
 * The policy's {@code logLevel}. It sets one syslog severity for every record of the policy; the
 * facility is always 1 (user), so the PRI of the header is {@code 8 + severity}.
 */
public enum LogLevel {
    ALERT(1), ERROR(3), WARN(4), INFO(6);

    private static final int FACILITY_USER = 1;

    private final int severity;

    LogLevel(int severity) {
        this.severity = severity;
    }

    /** The RFC 5424 severity. */
    public int severity() {
        return severity;
    }

    /** The RFC 5424 PRI value: facility user (1) times 8 plus the severity. */
    public int pri() {
        return FACILITY_USER * 8 + severity;
    }
}
