package org.clusterlogs.common.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clusterlogs.common.config.ServiceInfoConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Describes the service it runs in, so operators and the OpenAPI document see what is deployed. */
@Path("/service-info")
@Tag(name = "service", description = "About this service")
public class ServiceInfoResource {

    private final ServiceInfo info;

    public ServiceInfoResource(@ConfigProperty(name = "quarkus.application.name") String service,
            ServiceInfoConfig config) {
        this.info = new ServiceInfo(service, config.version(), config.status());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getServiceInfo", summary = "Name, version and build status of this service")
    public ServiceInfo get() {
        return info;
    }
}
