package org.clusterlogs.policy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** policy-service settings. Keys are {@code policy.*}. */
@ConfigMapping(prefix = "policy")
public interface PolicyConfig {

    /** Version reported by {@code GET /service-info}; also the OpenAPI info version. */
    @WithDefault("0.1.0")
    String version();
}
