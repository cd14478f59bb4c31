package org.clusterlogs.policy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** policy-service's own configuration. The datasources are {@code quarkus.datasource.*}. */
@ConfigMapping(prefix = "policy")
public interface PolicyConfig {

    /** Which database holds the policies: the embedded H2 file database, or PostgreSQL for several replicas. */
    @WithDefault("h2")
    String store();

    /** Directory of the embedded H2 database (used when {@code policy.store=h2}). */
    @WithDefault("./data/policy")
    Path dataDir();

    /** The longest a {@code GET .../deployments} with {@code If-None-Match} waits for a change. */
    @WithDefault("30s")
    Duration longPollMax();

    /**
     * How often a waiting {@code GET .../deployments} looks at the store for a change made through
     * another replica (a change through this one wakes it at once).
     */
    @WithDefault("1s")
    Duration longPollCheck();

    /** {@code policy.kubernetes.*}: the watch on custom resources. */
    Kubernetes kubernetes();

    /** The watch on {@code MessageLoggingPolicy} custom resources. */
    interface Kubernetes {

        /**
         * Whether to watch the custom resources and deploy what they say: on in the cluster
         * ({@code deploy/}), off on a laptop, where there is no API server to ask.
         */
        @WithDefault("false")
        boolean enabled();

        /** The namespace whose resources are watched; unset: the namespace policy-service runs in. */
        Optional<String> namespace();

        /**
         * How often every resource is applied again although nothing changed: what retries a
         * resource whose deployment failed (the store was unreachable). Costs a read per resource.
         */
        @WithDefault("5m")
        Duration resync();
    }
}
