package org.clusterlogs.logs.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.logs.metrics.LogMetrics;
import org.clusterlogs.logs.source.BadCursorException;
import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.jboss.logging.Logger;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns failures into problem JSON: client mistakes are 4xx with what was wrong, anything
 * else is a 500 whose body says nothing about the inside (the log has the details).
 */
@ApplicationScoped
public class ProblemResponder {

    private static final Logger LOG = Logger.getLogger(ProblemResponder.class);
    static final String CONTENT_TYPE = "application/problem+json";

    private final ObjectMapper json;
    private final LogMetrics metrics;

    public ProblemResponder(ObjectMapper json, LogMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    public void fail(RoutingContext rc, Throwable error) {
        send(rc.response(), toProblem(error));
    }

    public void send(HttpServerResponse response, Problem problem) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-cache")
                .end(body);
    }

    Problem toProblem(Throwable error) {
        if (error instanceof BadCursorException) {
            return Problem.of(400, "Bad Request", "BadCursor", error.getMessage());
        }
        if (error instanceof IllegalArgumentException) {
            return Problem.of(400, "Bad Request", "BadParameter", error.getMessage());
        }
        if (error instanceof BadPathException) {
            return Problem.of(400, "Bad Request", "BadPath", error.getMessage());
        }
        if (error instanceof LogNotFoundException) {
            return Problem.of(404, "Not Found", "LogNotFound", error.getMessage());
        }
        if (error instanceof AccessDeniedException) {
            return Problem.of(403, "Forbidden", "LogNotReadable",
                    "the service may not read this log (file permissions on the node)");
        }
        if (error instanceof NoSuchFileException) {
            return Problem.of(404, "Not Found", "LogNotFound", "the log disappeared while it was opened");
        }
        metrics.readError();
        LOG.error("reading a log failed", error);
        return Problem.of(500, "Internal Server Error", "ReadFailed",
                "the log could not be read; the service log has the details");
    }
}
