package org.clusterlogs.discovery.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only route that fails unexpectedly; hidden so the served OpenAPI document stays the contract. */
@Path(FailingResource.PATH)
public class FailingResource {

    static final String PATH = "/test-only/fail";
    static final String SECRET = "internal detail that must not leak";

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException(SECRET);
    }
}
