package org.clusterlogs.messagelogging.syslog;

import org.clusterlogs.messagelogging.delivery.Framer;
import org.clusterlogs.messagelogging.policy.Framing;
import org.clusterlogs.messagelogging.policy.SslInfo;
import org.clusterlogs.messagelogging.policy.SyslogProtocol;
import org.clusterlogs.messagelogging.policy.SyslogTarget;

import java.util.Locale;
import java.util.Optional;

/**
 * Where and how a syslog destination sends: the part of a {@link SyslogTarget} that identifies a
 * destination. Policies with equal endpoints share one queue and one connection; their messages
 * and headers stay their own.
 */
public record SyslogEndpoint(String host, int port, SyslogProtocol protocol, Framing framing, Optional<SslInfo> ssl) {

    public static SyslogEndpoint of(SyslogTarget target) {
        return new SyslogEndpoint(target.host(), target.port(), target.protocol(), target.framing(), target.ssl());
    }

    /** How records are delimited on the wire: one datagram each over UDP; LF or octet counting over TCP and TLS. */
    public Framer framer() {
        if (protocol == SyslogProtocol.UDP) {
            return Framer.NONE;
        }
        return framing == Framing.OCTET_COUNTING ? Framer.OCTET_COUNTING : Framer.LF;
    }

    /** For metrics and logs: {@code syslog+udp://host:514}, {@code syslog+tcp://...}, {@code syslog+tls://...}. */
    public String id() {
        String scheme = ssl.isPresent() ? "tls" : protocol.name().toLowerCase(Locale.ROOT);
        String address = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "syslog+" + scheme + "://" + address + ":" + port
                + (protocol == SyslogProtocol.TCP && framing == Framing.OCTET_COUNTING ? "/octet-counting" : "");
    }
}
