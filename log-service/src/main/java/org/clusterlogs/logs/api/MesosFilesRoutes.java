package org.clusterlogs.logs.api;

import io.quarkus.vertx.web.Route;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.metrics.LogMetrics;
import org.clusterlogs.logs.read.FileSender;
import org.clusterlogs.logs.source.BadParameterException;
import org.clusterlogs.logs.source.files.Latin1Json;
import org.clusterlogs.logs.source.files.MesosFilePath;
import org.clusterlogs.logs.source.files.ReadWindow;
import org.clusterlogs.logs.source.root.OpenedFile;
import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.source.sandbox.SandboxBrowser;
import org.clusterlogs.logs.source.sandbox.SandboxLocator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * The Mesos agent files API ({@code files/read}, {@code files/browse}, {@code files/download})
 * over this node's task sandboxes, for scripts written before the Logging API v2. Paths are the
 * agent's sandbox paths ({@link MesosFilePath}); everything is opened through the sandbox root.
 */
@Tag(name = "mesos-files", description = "The Mesos agent files API over this node's task sandboxes")
public class MesosFilesRoutes {

    private static final Logger LOG = Logger.getLogger(MesosFilesRoutes.class);
    private static final int CHUNK = 64 * 1024;
    private static final String PATH_DOC = "The agent's sandbox path, `<work dir>/slaves/<agent>/frameworks/<fw>/executors/"
            + "<ex>/runs/<container>[/...]` (work dir `logs.mesos-work-dir`), or the virtual "
            + "`/frameworks/<fw>/executors/<ex>/runs/<container>[/...]`. `..`, `.`, control characters, "
            + "paths outside the work dir's sandboxes and links that leave the sandbox root: 400; "
            + "another agent's sandbox or a missing file: 404.";

    private final SandboxLocator sandboxes;
    private final ProblemResponder problems;
    private final LogsConfig config;
    private final FileSender fileSender;
    private final LogMetrics metrics;

    public MesosFilesRoutes(SandboxLocator sandboxes, ProblemResponder problems, LogsConfig config,
                            FileSender fileSender, LogMetrics metrics) {
        this.sandboxes = sandboxes;
        this.problems = problems;
        this.config = config;
        this.fileSender = fileSender;
        this.metrics = metrics;
    }

    @Route(path = "/files/read", methods = Route.HttpMethod.GET, type = Route.HandlerType.BLOCKING)
    @Operation(operationId = "readFile",
            summary = "Read bytes of a sandbox file (Mesos files/read)", description = RouteDocs.FILES_READ)
    @Parameter(name = "path", in = ParameterIn.QUERY, required = true, description = PATH_DOC,
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Byte offset to read from; -1 or absent: "
            + "answer the file's size as `offset` with empty `data`.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "-1"))
    @Parameter(name = "length", in = ParameterIn.QUERY, description = "Most bytes to read; -1 or absent: to the end. "
            + "Capped at `logs.files-read-max-length` (1 MiB).",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "-1"))
    void read(RoutingContext rc) {
        OpenedFile opened = null;
        try {
            MesosFilePath path = path(rc);
            ReadWindow window = ReadWindow.parse(single(rc, "offset"), single(rc, "length"),
                    config.filesReadMaxLength());
            opened = sandboxes.underAgent(path.relative()).openFile();
            FileChannel channel = opened.channel();
            long size = channel.size();
            if (window.sizeOnly()) {
                opened.close();
                rc.json(new ReadAnswer("", size));
                return;
            }
            sendBytes(rc.response(), channel, window.offset(), window.bytesIn(size));
        } catch (IOException | RuntimeException e) {
            closeQuietly(opened);
            problems.fail(rc, e);
        }
    }

    @Route(path = "/files/browse", methods = Route.HttpMethod.GET, type = Route.HandlerType.BLOCKING)
    @Operation(operationId = "browseFiles",
            summary = "List a sandbox directory (Mesos files/browse)", description = RouteDocs.FILES_BROWSE)
    @Parameter(name = "path", in = ParameterIn.QUERY, required = true, description = PATH_DOC,
            schema = @Schema(type = SchemaType.STRING))
    void browse(RoutingContext rc) {
        try {
            MesosFilePath path = path(rc);
            rc.json(SandboxBrowser.list(sandboxes.underAgent(path.relative()), path.shown()));
        } catch (IOException | RuntimeException e) {
            problems.fail(rc, e);
        }
    }

    @Route(path = "/files/download", methods = Route.HttpMethod.GET, type = Route.HandlerType.BLOCKING)
    @Operation(operationId = "downloadFile",
            summary = "Download a sandbox file (Mesos files/download)", description = RouteDocs.FILES_DOWNLOAD)
    @Parameter(name = "path", in = ParameterIn.QUERY, required = true, description = PATH_DOC,
            schema = @Schema(type = SchemaType.STRING))
    void download(RoutingContext rc) {
        MesosFilePath path;
        OpenedFile opened;
        try {
            path = path(rc);
            RootedPath file = sandboxes.underAgent(path.relative());
            opened = file.openFile();
        } catch (IOException | RuntimeException e) {
            problems.fail(rc, e);
            return;
        }
        rc.response()
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Content-Disposition", "attachment; filename=\"" + path.fileName().replace("\"", "") + "\"");
        fileSender.send(rc, opened.channel());
    }

    private MesosFilePath path(RoutingContext rc) {
        return MesosFilePath.parse(single(rc, "path"), config.mesosWorkDir(), sandboxes.agentId());
    }

    /** A query parameter given at most once (null when absent). */
    private static String single(RoutingContext rc, String name) {
        List<String> values = rc.queryParam(name);
        if (values.size() > 1) {
            throw new BadParameterException("the query parameter " + name + " is given more than once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Writes {@code {"data":"...","offset":n}} with {@code count} bytes from {@code offset}, one
     * chunk at a time, waiting for the client to drain each: memory stays bounded whatever the
     * cap. A file truncated meanwhile gives shorter data; the channel is closed at the end.
     */
    private void sendBytes(HttpServerResponse response, FileChannel channel, long offset, long count) {
        try (channel) {
            response.setChunked(true).putHeader("Content-Type", "application/json");
            response.write(Buffer.buffer("{\"data\":\""));
            ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(count, 1)));
            long done = 0;
            while (done < count && !response.closed()) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), count - done));
                int n = channel.read(chunk, offset + done);
                if (n <= 0) {
                    break;
                }
                done += n;
                response.write(Latin1Json.append(chunk.array(), 0, n, Buffer.buffer(n + n / 2 + 16)));
                FileSender.awaitDrain(response);
            }
            if (response.closed()) {
                return; // the client has gone: nothing more to write
            }
            response.end("\",\"offset\":" + offset + "}");
            metrics.served(0, done);
        } catch (IOException e) {
            // the head is out: no problem body can follow, the client sees a cut response
            metrics.readError();
            LOG.warn("reading a sandbox file for files/read failed", e);
            response.reset();
        }
    }

    private static void closeQuietly(OpenedFile opened) {
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException e) {
                // nothing was sent from it
            }
        }
    }

    /** The answer of a {@code files/read}, with the keys Mesos uses. */
    public record ReadAnswer(String data, long offset) {
    }
}
