package org.clusterlogs.policy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

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
}
