package org.clusterlogs.discovery.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clusterlogs.discovery.config.DiscoveryConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Describes this service, so operators and the OpenAPI document see what is deployed. */
@Path("/service-info")
@Tag(name = "service", description = "About this service")
public class ServiceInfoResource {

    static final String SERVICE = "discovery-service";
    static final String STATUS = "skeleton: health, metrics and OpenAPI only;"
            + " the task index, task redirect and agent log proxy arrive with later issues";

    private final DiscoveryConfig config;

    public ServiceInfoResource(DiscoveryConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getServiceInfo", summary = "Name, version and build status of this service")
    public ServiceInfo get() {
        return new ServiceInfo(SERVICE, config.version(), STATUS);
    }
}
