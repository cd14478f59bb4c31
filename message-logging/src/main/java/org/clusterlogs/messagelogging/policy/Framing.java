package org.clusterlogs.messagelogging.policy;

/**
 * How records are delimited on a TCP or TLS stream (our {@code <Framing>} element; UDP sends
 * one datagram per record whatever it says). LF is what Apigee sends and what LF-only receivers
 * such as Fluent Bit understand; octet counting (RFC 6587 section 3.4.1) lets a record carry line
 * breaks and is what RFC 5425 prescribes for TLS.
 */
public enum Framing {
    /** Each record followed by LF; an LF inside the record is sent as the two characters {@code \n}. */
    LF("lf"),
    /** Each record preceded by its length in bytes and a space; the record is sent unchanged. */
    OCTET_COUNTING("octet-counting");

    private final String xmlName;

    Framing(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The value written in the policy. */
    public String xmlName() {
        return xmlName;
    }
}
