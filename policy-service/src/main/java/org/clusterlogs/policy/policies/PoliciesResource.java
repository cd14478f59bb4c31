package org.clusterlogs.policy.policies;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clusterlogs.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/policies}: MessageLogging policies as XML documents, each PUT a new revision after
 * the validator accepted it (every error at once when it does not), every revision kept.
 */
@Path("/v1/policies")
@Tag(name = "policies")
@SecurityRequirement(name = "acsjwt")
public class PoliciesResource {

    static final String REVISION_HEADER = "X-Policy-Revision";

    private final PolicyService policies;

    public PoliciesResource(PolicyService policies) {
        this.policies = policies;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPolicies", summary = "Every policy with its latest revision")
    public Map<String, List<PolicyRepository.PolicySummary>> listPolicies() {
        return Map.of("policies", policies.list());
    }

    @PUT
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putPolicy", summary = "Validate a <MessageLogging> document and store it as the "
            + "policy's next revision (400 InvalidPolicy with every error otherwise)")
    @APIResponse(responseCode = "201", description = "stored: {\"name\": ..., \"revision\": n}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PolicyRepository.PolicySummary.class)))
    @APIResponse(responseCode = "400", description = "InvalidPolicy (with errors[]) or InvalidPolicyName")
    public Response putPolicy(@PathParam("name") String name, String xml, @Context RoutingContext rc) {
        String uid = Caller.of(rc).map(Caller::uid).orElse(null);
        int revision = policies.store(name, xml == null ? "" : xml, uid);
        return Response.created(URI.create("/v1/policies/" + name + "/revisions/" + revision))
                .entity(new PolicyRepository.PolicySummary(name, revision)).build();
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getPolicy", summary = "The latest revision's document (its number in X-Policy-Revision)")
    public Response getPolicy(@PathParam("name") String name) {
        return document(policies.latest(name));
    }

    @GET
    @Path("{name}/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPolicyRevisions", summary = "The revisions of a policy, oldest first")
    public Map<String, Object> listPolicyRevisions(@PathParam("name") String name) {
        return Map.of("name", name, "revisions", policies.revisions(name));
    }

    @GET
    @Path("{name}/revisions/{revision}")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getPolicyRevision", summary = "One revision's document, as it was stored")
    public Response getPolicyRevision(@PathParam("name") String name, @PathParam("revision") int revision) {
        return document(policies.revision(name, revision));
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deletePolicy", summary = "Remove a policy and its revisions (409 while it is deployed)")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "PolicyNotFound")
    @APIResponse(responseCode = "409", description = "PolicyDeployed")
    public Response deletePolicy(@PathParam("name") String name) {
        policies.delete(name);
        return Response.noContent().build();
    }

    private static Response document(PolicyRevision revision) {
        return Response.ok(revision.xml(), MediaType.APPLICATION_XML_TYPE)
                .header(REVISION_HEADER, revision.revision()).build();
    }
}
