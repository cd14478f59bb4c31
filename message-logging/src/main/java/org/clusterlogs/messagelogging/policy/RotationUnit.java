package org.clusterlogs.messagelogging.policy;

import java.util.Locale;

/** The {@code unit} attribute of {@code <RotationFrequency>}; minute when absent. */
public enum RotationUnit {
    SECOND, MINUTE, HOUR, DAY, MONTH;

    /** The value written in the policy. */
    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
