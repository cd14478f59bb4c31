package org.clusterlogs.discovery.api;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.clusterlogs.discovery.redirect.LogRequest;
import org.clusterlogs.discovery.redirect.TaskDiscovery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/**
 * The discovery routes: a task by name or id part → 303 to its log on its node. The lookup is
 * an in-memory read of the current index, so it runs on the event loop.
 */
@Path("/system/v1/logs/v2/task/{task}")
@Tag(name = "discovery", description = "A task's log by its name or id: a redirect to the node that has it")
@SecurityRequirement(name = "dcosToken")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "authCookie")
@APIResponse(responseCode = "303", description = ApiDocs.SEE_OTHER,
        headers = @Header(name = "Location", description = "/system/v1/agent/{agent}/logs/v2/...?<the query>",
                schema = @Schema(type = SchemaType.STRING)))
@APIResponse(responseCode = "400", ref = "badRequest")
@APIResponse(responseCode = "401", ref = "unauthorized")
@APIResponse(responseCode = "403", ref = "forbidden")
@APIResponse(responseCode = "404", ref = "taskNotFound")
@APIResponse(responseCode = "409", ref = "conflict")
@APIResponse(responseCode = "503", ref = "notReady")
@NonBlocking
public class TaskLogResource {

    private final TaskDiscovery discovery;

    public TaskLogResource(TaskDiscovery discovery) {
        this.discovery = discovery;
    }

    @GET
    @Operation(operationId = "readTaskLog", summary = "Read or follow a task's stdout (a pod container: its whole log)",
            description = ApiDocs.REDIRECT)
    public Response readTaskLog(@PathParam("task") @Parameter(description = "a task name, or a part of its id")
                                String task, @Context HttpServerRequest request) {
        return seeOther(discovery.locate(task, new LogRequest.Read(Optional.empty()), request.query()));
    }

    @GET
    @Path("file/{file}")
    @Operation(operationId = "readTaskFile", summary = "Read or follow a file of a task's sandbox",
            description = ApiDocs.REDIRECT)
    public Response readTaskFile(@PathParam("task") String task, @PathParam("file") String file,
                                 @Context HttpServerRequest request) {
        return seeOther(discovery.locate(task, new LogRequest.Read(Optional.of(file)), request.query()));
    }

    @GET
    @Path("browse")
    @Operation(operationId = "browseTaskSandbox", summary = "List a task's sandbox", description = ApiDocs.REDIRECT)
    public Response browseTaskSandbox(@PathParam("task") String task, @Context HttpServerRequest request) {
        return seeOther(discovery.locate(task, new LogRequest.Browse(), request.query()));
    }

    @GET
    @Path("download")
    @Operation(operationId = "downloadTaskLog", summary = "Download a task's stdout unchanged",
            description = ApiDocs.REDIRECT)
    public Response downloadTaskLog(@PathParam("task") String task, @Context HttpServerRequest request) {
        return seeOther(discovery.locate(task, new LogRequest.Download(Optional.empty()), request.query()));
    }

    @GET
    @Path("file/{file}/download")
    @Operation(operationId = "downloadTaskFile", summary = "Download a file of a task's sandbox unchanged",
            description = ApiDocs.REDIRECT)
    public Response downloadTaskFile(@PathParam("task") String task, @PathParam("file") String file,
                                     @Context HttpServerRequest request) {
        return seeOther(discovery.locate(task, new LogRequest.Download(Optional.of(file)), request.query()));
    }

    /** 303 with the Location exactly as built (relative), and a one-line body for whoever looks. */
    private static Response seeOther(String location) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, location)
                .type("text/plain; charset=utf-8").entity("See Other: " + location + "\n").build();
    }
}
