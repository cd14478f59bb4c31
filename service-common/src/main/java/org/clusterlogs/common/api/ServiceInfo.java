package org.clusterlogs.common.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What this service is and how far it is built. */
@Schema(description = "What this service is and how far it is built.")
public record ServiceInfo(
        @Schema(description = "Service name.") String service,
        @Schema(description = "Version of this build.", examples = "0.1.0") String version,
        @Schema(description = "What works in this build.") String status) {
}
