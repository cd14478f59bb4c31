package org.clusterlogs.policy.deployments;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clusterlogs.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code /v1/environments/{env}/deployments}: which policy revisions apply where. The deployed set
 * carries its version as a strong {@code ETag}; a {@code GET} with that tag in
 * {@code If-None-Match} waits (up to {@code wait} seconds) for the next change and answers 304 when
 * there was none: how services follow changes without asking all the time.
 */
@Path("/v1/environments/{environment}/deployments")
@Tag(name = "deployments")
@SecurityRequirement(name = "acsjwt")
public class DeploymentsResource {

    private final DeploymentService deployments;

    public DeploymentsResource(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDeployedSet", summary = "What is deployed to an environment; with If-None-Match, "
            + "wait for a change (304 when none came within wait)")
    @APIResponse(responseCode = "200", description = "the deployed set; its version is the ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeployedSet.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the version and nothing changed within wait")
    public Uni<Response> getDeployedSet(@PathParam("environment") String environment,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @Parameter(description = "seconds to wait for a change when If-None-Match names the current version "
                    + "(0 to 30; default 30)") @QueryParam("wait") Integer waitSeconds) {
        Optional<Long> known = version(ifNoneMatch);
        if (known.isEmpty()) {
            return Uni.createFrom().item(() -> answer(deployments.deployedSet(environment)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        Duration wait = Duration.ofSeconds(waitSeconds == null ? 30 : checkedWait(waitSeconds));
        return deployments.deployedSetAfter(environment, known.get(), wait).map(changed -> changed
                .map(DeploymentsResource::answer)
                .orElseGet(() -> Response.notModified(tag(known.get())).build()));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deployPolicy", summary = "Deploy a revision of a policy to an environment, for some "
            + "services or (services left out) for all; replaces the revision deployed there")
    public Deployment deployPolicy(@PathParam("environment") String environment, @PathParam("name") String name,
                                   DeploymentRequest request) {
        if (request == null || request.revision() == null) {
            throw new ProblemException(400, "MissingRevision", "the body is {\"revision\": n, \"services\": [...]}");
        }
        return deployments.deploy(environment, name, request.revision(), request.services());
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "undeployPolicy", summary = "Undeploy a policy from an environment")
    @APIResponse(responseCode = "204", description = "undeployed")
    @APIResponse(responseCode = "404", description = "NotDeployed")
    public Response undeployPolicy(@PathParam("environment") String environment, @PathParam("name") String name) {
        deployments.undeploy(environment, name);
        return Response.noContent().build();
    }

    private static Response answer(DeployedSet set) {
        return Response.ok(set).tag(tag(set.version())).header("Cache-Control", "no-cache").build();
    }

    private static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-None-Match} names: one strong tag of ours; anything else is ignored. */
    static Optional<Long> version(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return Optional.empty();
        }
        String value = ifNoneMatch.trim();
        if (value.length() < 3 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.substring(1, value.length() - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int checkedWait(int seconds) {
        if (seconds < 0 || seconds > 30) {
            throw new ProblemException(400, "InvalidWait", "wait is 0 to 30 seconds");
        }
        return seconds;
    }
}
