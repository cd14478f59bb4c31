package org.clusterlogs.messagelogging.policy;

/** {@code <Protocol>}: UDP (the default) or TCP; TLS is TCP with {@code <SSLInfo>} enabled. */
public enum SyslogProtocol {
    UDP, TCP
}
