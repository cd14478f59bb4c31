package org.clusterlogs.policy.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.clusterlogs.policy.config.PolicyConfig;

import java.util.Objects;
import java.util.Optional;

/**
 * The one namespace whose {@code MessageLoggingPolicy} resources are deployed:
 * {@code policy.kubernetes.namespace}, else the namespace policy-service runs in (its service
 * account's), else {@code default}. The watch reads it, and the admission webhook refuses a
 * resource anywhere else, which would otherwise be accepted and never deployed.
 */
@ApplicationScoped
public class WatchedNamespace {

    private final PolicyConfig config;
    private final Instance<KubernetesClient> clients;
    private volatile String resolved;

    public WatchedNamespace(PolicyConfig config, Instance<KubernetesClient> clients) {
        this.config = config;
        this.clients = clients;
    }

    /** The watched namespace, or empty when the watch is off ({@code policy.kubernetes.enabled=false}). */
    public Optional<String> get() {
        if (!config.kubernetes().enabled()) {
            return Optional.empty();
        }
        String namespace = resolved;
        if (namespace == null) {
            namespace = config.kubernetes().namespace()
                    .orElseGet(() -> Objects.requireNonNullElse(clients.get().getNamespace(), "default"));
            resolved = namespace;
        }
        return Optional.of(namespace);
    }
}
