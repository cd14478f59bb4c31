package org.clusterlogs.discovery.index.mesos;

import java.util.Optional;

/**
 * The host of a Mesos agent's log-service. Like Admin Router, the address in the agent's
 * {@code pid} ({@code slave(1)@10.0.0.5:5051}) wins: it is the address the agent registered
 * from, while {@code hostname} may be a name the masters cannot resolve. The hostname is used
 * when the pid carries no address.
 */
final class AgentAddress {

    private AgentAddress() {
    }

    /** The host to reach, from the pid if it has one, else the hostname; empty with neither. */
    static Optional<String> host(String pid, String hostname) {
        Optional<String> fromPid = pidHost(pid);
        if (fromPid.isPresent()) {
            return fromPid;
        }
        return hostname == null || hostname.isBlank() ? Optional.empty() : Optional.of(hostname);
    }

    /** The host part of {@code name@host:port}; IPv6 hosts in brackets keep their brackets. */
    static Optional<String> pidHost(String pid) {
        if (pid == null) {
            return Optional.empty();
        }
        int at = pid.lastIndexOf('@');
        String address = pid.substring(at + 1);
        int colon = address.startsWith("[") ? address.indexOf("]:") + 1 : address.lastIndexOf(':');
        String host = colon > 0 ? address.substring(0, colon) : address;
        return at < 0 || host.isBlank() ? Optional.empty() : Optional.of(host);
    }
}
