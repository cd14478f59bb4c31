package org.clusterlogs.common.problem.vertx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import org.clusterlogs.common.problem.Problem;

/**
 * A {@link Problem} as the whole answer of a Vert.x response, for the routes that do not go
 * through JAX-RS (log streams, the security filter, the proxy): the same body and media type as
 * the JAX-RS mapper's, never stored by a cache.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Answers with {@code problem}, unless the response has begun (then nothing more can be said). */
    public static void send(HttpServerResponse response, ObjectMapper json, Problem problem) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}"; // a Problem always serialises; never a 500 here
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
