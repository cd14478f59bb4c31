package org.clusterlogs.discovery.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * An agent (Mesos) or node (Kubernetes) and its log-service.
 *
 * @param id         the Mesos agent id, or the Kubernetes node name
 * @param hostname   what its source calls its host
 * @param kind       where it comes from
 * @param logService its log-service, {@code scheme://host:port}; null when it has none the index knows of
 */
public record Agent(String id, String hostname, TaskKind kind, URI logService) {

    /** {@code scheme://host:port}, no path; empty when the host makes no URI (IPv6 literals get their brackets). */
    public static Optional<URI> logServiceAt(String scheme, String host, int port) {
        try {
            return Optional.of(new URI(scheme, null, host, port, null, null, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
