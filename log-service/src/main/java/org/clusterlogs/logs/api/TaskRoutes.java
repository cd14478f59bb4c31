package org.clusterlogs.logs.api;

import io.quarkus.vertx.web.Param;
import io.quarkus.vertx.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.read.FileSender;
import org.clusterlogs.logs.source.sandbox.SandboxBrowser;
import org.clusterlogs.logs.source.sandbox.SandboxId;
import org.clusterlogs.logs.source.sandbox.SandboxLocator;
import org.clusterlogs.logs.source.file.LineFileSource;
import org.clusterlogs.logs.source.file.ScanMemo;
import org.clusterlogs.logs.source.root.OpenedFile;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/** Task sandbox files in the Mesos layout: read or follow a file, download it, list the sandbox. */
@Tag(name = "task", description = "Files of a task's sandbox (Mesos layout)")
public class TaskRoutes {

    /** The sandbox of a task run; the OpenAPI scanner needs the whole path on every route. */
    private static final String RUN = "/system/v1/logs/v2/task/frameworks/:framework/executors/:executor/runs/:container/";

    private final SandboxLocator sandboxes;
    private final LogResponder logs;
    private final ProblemResponder problems;
    private final LogsConfig config;
    private final FileSender fileSender;
    private final ScanMemo memo;

    public TaskRoutes(SandboxLocator sandboxes, LogResponder logs, ProblemResponder problems, LogsConfig config,
                      FileSender fileSender, ScanMemo memo) {
        this.memo = memo;
        this.sandboxes = sandboxes;
        this.logs = logs;
        this.problems = problems;
        this.config = config;
        this.fileSender = fileSender;
    }

    @Route(path = RUN + ":file", methods = Route.HttpMethod.GET)
    @Operation(operationId = "readTaskFile",
            summary = "Read or follow a file of a standalone task's sandbox", description = RouteDocs.READ)
    void read(RoutingContext rc, @Param String framework, @Param String executor, @Param String container,
              @Param String file) {
        readFile(rc, new SandboxIdParts(framework, executor, container, null), file);
    }

    @Route(path = RUN + "tasks/:task/:file", methods = Route.HttpMethod.GET)
    @Operation(operationId = "readPodTaskFile",
            summary = "Read or follow a file of a pod task's sandbox", description = RouteDocs.READ)
    void readInPod(RoutingContext rc, @Param String framework, @Param String executor, @Param String container,
                   @Param String task, @Param String file) {
        readFile(rc, new SandboxIdParts(framework, executor, container, task), file);
    }

    @Route(path = RUN + ":file/download", methods = Route.HttpMethod.GET, type = Route.HandlerType.BLOCKING)
    @Operation(operationId = "downloadTaskFile",
            summary = "Download a file of a standalone task's sandbox", description = RouteDocs.DOWNLOAD)
    void download(RoutingContext rc, @Param String framework, @Param String executor, @Param String container,
                  @Param String file) {
        downloadFile(rc, new SandboxIdParts(framework, executor, container, null), file);
    }

    @Route(path = RUN + "tasks/:task/:file/download", methods = Route.HttpMethod.GET, type = Route.HandlerType.BLOCKING)
    @Operation(operationId = "downloadPodTaskFile",
            summary = "Download a file of a pod task's sandbox", description = RouteDocs.DOWNLOAD)
    void downloadInPod(RoutingContext rc, @Param String framework, @Param String executor, @Param String container,
                       @Param String task, @Param String file) {
        downloadFile(rc, new SandboxIdParts(framework, executor, container, task), file);
    }

    @Route(path = RUN + "files/browse", methods = Route.HttpMethod.GET, type = Route.HandlerType.BLOCKING)
    @Operation(operationId = "browseTaskSandbox",
            summary = "List a standalone task's sandbox", description = RouteDocs.BROWSE)
    void browse(RoutingContext rc, @Param String framework, @Param String executor, @Param String container) {
        browseSandbox(rc, new SandboxIdParts(framework, executor, container, null));
    }

    @Route(path = RUN + "tasks/:task/files/browse", methods = Route.HttpMethod.GET, type = Route.HandlerType.BLOCKING)
    @Operation(operationId = "browsePodTaskSandbox",
            summary = "List a pod task's sandbox", description = RouteDocs.BROWSE)
    void browseInPod(RoutingContext rc, @Param String framework, @Param String executor, @Param String container,
                     @Param String task) {
        browseSandbox(rc, new SandboxIdParts(framework, executor, container, task));
    }

    private void readFile(RoutingContext rc, SandboxIdParts parts, String file) {
        logs.respond(rc, filter -> {
            SandboxId id = parts.checked();
            return new LineFileSource(sandboxes.file(id, file), sandboxes.fields(id, file), filter,
                    config.maxLineBytes(), memo);
        });
    }

    private void downloadFile(RoutingContext rc, SandboxIdParts parts, String file) {
        OpenedFile opened;
        try {
            opened = sandboxes.file(parts.checked(), file).openFile();
        } catch (IOException | RuntimeException e) {
            problems.fail(rc, e);
            return;
        }
        rc.response()
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Content-Disposition", "attachment; filename=\"" + file.replace("\"", "") + "\"");
        fileSender.send(rc, opened.channel());
    }

    private void browseSandbox(RoutingContext rc, SandboxIdParts parts) {
        try {
            rc.json(SandboxBrowser.list(sandboxes.sandbox(parts.checked())));
        } catch (IOException | RuntimeException e) {
            problems.fail(rc, e);
        }
    }

    /** The raw ids; checking them may fail, and that failure must become a 400 inside the try. */
    private record SandboxIdParts(String framework, String executor, String container, String task) {
        SandboxId checked() {
            return new SandboxId(framework, executor, container, task);
        }
    }
}
