package org.clusterlogs.discovery.merged;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.clusterlogs.discovery.proxy.UpstreamFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first answer of every source of a merged request, before the client gets its own: a
 * parameter one node refuses (a bad {@code grep}, {@code since} on a file that has no time) is
 * refused for the whole stream, with that node's status and problem, rather than a 200 with
 * one source missing.
 */
final class Opening {

    /** One source's first answer: its status, or null with the failure when the node could not be asked. */
    record Answer(SourceReader reader, Integer status, Throwable failure) {

        boolean ok() {
            return status != null && status == 200;
        }

        boolean forbidden() {
            return status != null && status == 403;
        }

        /** A source left out of a range: forbidden (403), no such file (404), or nothing in range (204). */
        boolean nothingToRead() {
            return status != null && (status == 403 || status == 404 || status == 204);
        }

        /** The client's request is wrong for the node: every status 4xx but 403 (permission) and 404 (no such file yet). */
        boolean refused() {
            return status != null && status >= 400 && status < 500 && status != 403 && status != 404;
        }

        /** For a problem's detail or a log line: what happened. */
        String what() {
            MergedSource source = reader.source();
            String node = "the log-service of agent " + source.task().agentId() + " at " + source.upstream().authority();
            return failure != null ? node + " " + UpstreamFailure.kindOf(failure).says() : node + " answered " + status;
        }
    }

    private Opening() {
    }

    /** Opens every reader with its positioning; completes when each has answered or failed. */
    static Future<List<Answer>> all(List<SourceReader> readers, Function<SourceReader, String> positioning,
                                   MultiMap caller) {
        List<Future<Answer>> answers = new ArrayList<>(readers.size());
        for (SourceReader reader : readers) {
            answers.add(reader.open(positioning.apply(reader), caller)
                    .map(status -> new Answer(reader, status, null))
                    .otherwise(failure -> new Answer(reader, null, failure)));
        }
        return Future.join(answers).map(all -> answers.stream().map(Future::result).toList());
    }

    /** The first refusal, if any. */
    static Optional<Answer> refusal(List<Answer> answers) {
        return answers.stream().filter(Answer::refused).findFirst();
    }

    /** Answers the client with the node's refusal as the node wrote it (a problem document). */
    static void relay(Answer refusal, HttpServerResponse response) {
        refusal.reader().body().onComplete(body -> {
            if (response.closed() || response.headWritten()) {
                return;
            }
            response.setStatusCode(refusal.status());
            String type = refusal.reader().contentType();
            if (type != null) {
                response.putHeader("Content-Type", type);
            }
            response.end(body.succeeded() ? body.result() : Buffer.buffer());
        });
    }
}
