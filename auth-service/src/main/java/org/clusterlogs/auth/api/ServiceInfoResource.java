package org.clusterlogs.auth.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clusterlogs.auth.config.AuthConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Describes this service, so operators and the OpenAPI document see what is deployed. */
@Path("/service-info")
@Tag(name = "service", description = "About this service")
public class ServiceInfoResource {

    static final String SERVICE = "auth-service";
    static final String STATUS = "skeleton: health, metrics and OpenAPI only;"
            + " users, login, JWKS and the policy-query API arrive with later issues";

    private final AuthConfig config;

    public ServiceInfoResource(AuthConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getServiceInfo", summary = "Name, version and build status of this service")
    public ServiceInfo get() {
        return new ServiceInfo(SERVICE, config.version(), STATUS);
    }
}
