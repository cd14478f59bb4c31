package org.clusterlogs.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only JAX-RS route that fails unexpectedly, for the 500 problem case; hidden so the served
 * OpenAPI document stays the contract. This jar has no index, so a service serves the route
 * only where its tests index the jar ({@code %test.quarkus.index-dependency.testing.*}).
 */
@Path(TestOnlyFailure.PATH)
public class FailingResource {

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException(TestOnlyFailure.SECRET);
    }
}
