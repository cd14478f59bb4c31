package org.clusterlogs.policy.trace;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/policies/{name}/trace}: a dry run of a stored policy against a sample call. */
@Path("/v1/policies/{name}/trace")
@Tag(name = "policies")
@SecurityRequirement(name = "acsjwt")
public class TraceResource {

    private final TraceService traces;

    public TraceResource(TraceService traces) {
        this.traces = traces;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "tracePolicy", summary = "Render a policy revision against a sample call: the exact "
            + "bytes each destination would receive, or the fault that would stop the step; nothing is sent")
    public TraceResult tracePolicy(@PathParam("name") String name, TraceRequest request) {
        return traces.trace(name, request == null ? new TraceRequest(null, null, null, null) : request);
    }
}
