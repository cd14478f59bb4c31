package org.clusterlogs.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** auth-service settings. Keys are {@code auth.*}. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Version reported by {@code GET /service-info}; also the OpenAPI info version. */
    @WithDefault("0.1.0")
    String version();
}
