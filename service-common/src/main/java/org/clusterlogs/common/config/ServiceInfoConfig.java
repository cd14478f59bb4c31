package org.clusterlogs.common.config;

import io.smallrye.config.ConfigMapping;

/**
 * What {@code GET /service-info} reports besides the service name ({@code quarkus.application.name}).
 * Keys are {@code service-info.*}; every service sets both, there are no defaults.
 */
@ConfigMapping(prefix = "service-info")
public interface ServiceInfoConfig {

    /** Version of this build; the service's OpenAPI {@code info.version} takes it at build time. */
    String version();

    /** What works in this build, in one sentence for operators. */
    String status();
}
