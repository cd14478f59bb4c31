package org.clusterlogs.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only route that fails unexpectedly, for the 500 problem case; hidden so the served
 * OpenAPI document stays the contract. This jar has no index, so a service serves the route
 * only where its tests index the jar ({@code %test.quarkus.index-dependency.testing.*}).
 */
@Path(FailingResource.PATH)
public class FailingResource {

    public static final String PATH = "/test-only/fail";
    public static final String SECRET = "internal detail that must not leak";

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException(SECRET);
    }
}
