package org.clusterlogs.discovery.api;

import io.quarkus.vertx.web.Param;
import io.quarkus.vertx.web.Route;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
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
 * The discovery routes: a task by name or id part → 303 to its log on its node. They are the
 * busiest routes of the cluster's entry point, so they are plain Vert.x routes on the event loop
 * (the lookup is an in-memory read of the current index), without the JAX-RS machinery a
 * redirect does not need (less CPU per redirect: docs/benchmarks.md).
 */
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
public class TaskLogRoutes {

    private static final String TASK = "/system/v1/logs/v2/task/:task";
    private static final CharSequence TEXT = HttpHeaders.createOptimized("text/plain; charset=utf-8");

    private final TaskDiscovery discovery;
    private final RouteProblems problems;

    public TaskLogRoutes(TaskDiscovery discovery, RouteProblems problems) {
        this.discovery = discovery;
        this.problems = problems;
    }

    @Route(path = TASK, methods = Route.HttpMethod.GET)
    @Operation(operationId = "readTaskLog", summary = "Read or follow a task's stdout (a pod container: its whole log)",
            description = ApiDocs.REDIRECT)
    void readTaskLog(RoutingContext rc, @Param @Parameter(description = "a task name, or a part of its id") String task) {
        seeOther(rc, task, new LogRequest.Read(Optional.empty()));
    }

    @Route(path = TASK + "/file/:file", methods = Route.HttpMethod.GET)
    @Operation(operationId = "readTaskFile", summary = "Read or follow a file of a task's sandbox",
            description = ApiDocs.REDIRECT)
    void readTaskFile(RoutingContext rc, @Param String task, @Param String file) {
        seeOther(rc, task, new LogRequest.Read(Optional.of(file)));
    }

    @Route(path = TASK + "/browse", methods = Route.HttpMethod.GET)
    @Operation(operationId = "browseTaskSandbox", summary = "List a task's sandbox", description = ApiDocs.REDIRECT)
    void browseTaskSandbox(RoutingContext rc, @Param String task) {
        seeOther(rc, task, new LogRequest.Browse());
    }

    @Route(path = TASK + "/download", methods = Route.HttpMethod.GET)
    @Operation(operationId = "downloadTaskLog", summary = "Download a task's stdout unchanged",
            description = ApiDocs.REDIRECT)
    void downloadTaskLog(RoutingContext rc, @Param String task) {
        seeOther(rc, task, new LogRequest.Download(Optional.empty()));
    }

    @Route(path = TASK + "/file/:file/download", methods = Route.HttpMethod.GET)
    @Operation(operationId = "downloadTaskFile", summary = "Download a file of a task's sandbox unchanged",
            description = ApiDocs.REDIRECT)
    void downloadTaskFile(RoutingContext rc, @Param String task, @Param String file) {
        seeOther(rc, task, new LogRequest.Download(Optional.of(file)));
    }

    /**
     * The same paths with any other method: 405 with {@code Allow: GET}, as log-service answers
     * (a HEAD would only end in log-service's 405 after the redirect).
     */
    @Route(regex = "/system/v1/logs/v2/task/[^/]+(?:/file/[^/]+(?:/download)?|/browse|/download)?")
    @Operation(hidden = true)
    void otherMethods(RoutingContext rc) {
        problems.getOnly(rc);
    }

    /** 303 with the Location exactly as built (relative), and a one-line body for whoever looks. */
    private void seeOther(RoutingContext rc, String task, LogRequest request) {
        String location;
        try {
            location = discovery.locate(task, request, rc.request().query());
        } catch (RuntimeException e) {
            problems.send(rc, e);
            return;
        }
        rc.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location)
                .putHeader(HttpHeaders.CONTENT_TYPE, TEXT).end("See Other: " + location + "\n");
    }
}
