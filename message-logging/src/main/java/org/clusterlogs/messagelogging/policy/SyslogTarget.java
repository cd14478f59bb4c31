package org.clusterlogs.messagelogging.policy;

import org.clusterlogs.messagelogging.template.MessageTemplate;

import java.util.Optional;

/**
 * A policy's {@code <Syslog>} destination, validated and with every default applied.
 *
 * @param message       the compiled {@code <Message>}
 * @param host          {@code <Host>}, default {@code localhost}; resolved on every connection
 * @param port          {@code <Port>}, default 514
 * @param protocol      {@code <Protocol>}, default UDP
 * @param formatMessage {@code <FormatMessage>}: prefix the RFC 5424 header
 * @param payloadOnly   {@code <PayloadOnly>}: never prefix anything (wins over formatMessage)
 * @param dateFormat    {@code <DateFormat>}, a {@link java.text.SimpleDateFormat} pattern, or empty for the service's default
 * @param framing       {@code <Framing>} on TCP/TLS (our extension), default LF
 * @param ssl           the TLS settings when {@code <SSLInfo><Enabled>true</Enabled>} is given
 */
public record SyslogTarget(MessageTemplate message, String host, int port, SyslogProtocol protocol,
                           boolean formatMessage, boolean payloadOnly, Optional<String> dateFormat,
                           Framing framing, Optional<SslInfo> ssl) {

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 514;

    /** True when the header of section "Wire formats" is sent before each message. */
    public boolean withHeader() {
        return formatMessage && !payloadOnly;
    }
}
