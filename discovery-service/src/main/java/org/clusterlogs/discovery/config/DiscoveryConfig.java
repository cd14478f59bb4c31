package org.clusterlogs.discovery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** discovery-service settings. Keys are {@code discovery.*}. */
@ConfigMapping(prefix = "discovery")
public interface DiscoveryConfig {

    /** Version reported by {@code GET /service-info}; also the OpenAPI info version. */
    @WithDefault("0.1.0")
    String version();
}
