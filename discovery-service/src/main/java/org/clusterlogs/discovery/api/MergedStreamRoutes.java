package org.clusterlogs.discovery.api;

import io.quarkus.vertx.web.Route;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.discovery.merged.MergedFormat;
import org.clusterlogs.discovery.merged.MergedRequest;
import org.clusterlogs.discovery.merged.MergedStreams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /system/v1/logs/v2/tasks?q=…}: every matching task's log as one stream. A Vert.x
 * route like the redirects: the merge runs on the event loop, reading the nodes with Vert.x'
 * HTTP client (docs/merged-streams.md). {@link RedirectOpenApiFilter} adds {@code Accept} and
 * {@code x-streaming} to its operation.
 */
@Tag(name = "merged", description = "Many tasks' logs as one stream")
@SecurityRequirement(name = "dcosToken")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "authCookie")
public class MergedStreamRoutes {

    static final String PATH = "/system/v1/logs/v2/tasks";

    private final MergedStreams streams;
    private final RouteProblems problems;

    public MergedStreamRoutes(MergedStreams streams, RouteProblems problems) {
        this.streams = streams;
        this.problems = problems;
    }

    @Route(path = PATH, methods = Route.HttpMethod.GET)
    @Operation(operationId = "streamTasksLogs", summary = "Read or follow every matching task's log as one stream",
            description = """
                    The tasks q selects (id or name containing it, or a label selector over pod tasks), each \
                    read from its node's log-service with the caller's token. Text lines get the prefix \
                    <name>/<last 5 characters of the id>| ; NDJSON and SSE entries get TASK_ID, TASK_NAME, \
                    AGENT_ID and FILE in their fields. A range (text, NDJSON) interleaves by realtime_timestamp \
                    and keeps each source's order otherwise; a follow (SSE) forwards entries as they come, its \
                    id (m1.…) holds every source's cursor for Last-Event-ID, and named events `source` say \
                    added, ended, lost, rejoined or forbidden. See docs/merged-streams.md.""")
    @Parameters({
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "text a task's id or name contains, or a "
                    + "Kubernetes label selector (with =, !=, in (…), notin (…)) over pod tasks; absent: every task",
                    schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "file", in = ParameterIn.QUERY, description = "the sandbox file of each task; default "
                    + "stdout; pods: stdout or stderr (their log filtered to that stream), absent: the whole log",
                    schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "completed", in = ParameterIn.QUERY, description = "true: completed tasks too; default false",
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(name = "since", in = ParameterIn.QUERY, description = "entries at or after this time: RFC 3339 or "
                    + "an age such as 10m; passed to every node (a source without time answers 400)",
                    schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "until", in = ParameterIn.QUERY, description = "entries before this time, as since; "
                    + "passed to every node",
                    schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "grep", in = ParameterIn.QUERY, description = "a regular expression the message contains; "
                    + "passed to every node, which sends only matching entries",
                    schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "filter", in = ParameterIn.QUERY, description = "FIELD:value, repeatable, passed to every node",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "range: the merged last N entries (each "
                    + "node sends its last N); follow: each source starts with its last N; 0 to 100000",
                    schema = @Schema(type = SchemaType.INTEGER)),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "BEG (default), END, or an id of a "
                    + "merged follow (m1.…); Last-Event-ID wins",
                    schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "color", in = ParameterIn.QUERY, description = "true: ANSI-coloured text prefixes",
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(name = "Last-Event-ID", in = ParameterIn.HEADER, description = "the last merged id seen: "
                    + "every source resumes right after its entry",
                    schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "The entries", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "text/event-stream", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "204", description = "A range with no entries")
    @APIResponse(responseCode = "400", description = "A bad parameter (BadParameter, BadCursor), more tasks than "
            + "a merged stream reads (TooManySources), or a parameter the nodes refuse (their problem)")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", description = "A range: no task with logs matches (TaskNotFound)")
    @APIResponse(responseCode = "502", description = "A range: a node could not be reached (UpstreamUnreachable)")
    @APIResponse(responseCode = "503", ref = "notReady")
    void streamTasksLogs(RoutingContext rc) {
        try {
            MergedRequest request = MergedRequest.of(rc.queryParams(), rc.request().getHeader("Last-Event-ID"));
            streams.answer(rc, request, MergedFormat.of(rc.request().getHeader(HttpHeaders.ACCEPT)));
        } catch (RuntimeException e) {
            problems.send(rc, e);
        }
    }

    /** Any other method: 405 with {@code Allow: GET}, as a single log answers. */
    @Route(path = PATH)
    @Operation(hidden = true)
    void otherMethods(RoutingContext rc) {
        problems.getOnly(rc);
    }
}
