package org.clusterlogs.discovery.merged;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a merged follow writes to its client: entries with their merged id, {@code event: source}
 * events, and {@code : ping} after a quiet interval. When the client's write queue is full it
 * tells the follow to pause every source ({@code pauseSources.accept(true)}) and to resume them
 * once the queue has drained, so a slow client holds back the nodes instead of filling memory.
 */
final class SseOutput {

    private static final Buffer PING = Buffer.buffer(": ping\n\n");

    private final HttpServerResponse response;
    private final ObjectMapper mapper;
    private final Consumer<Boolean> pauseSources;
    private boolean wrote;
    private boolean paused;
    private boolean closed;

    SseOutput(HttpServerResponse response, ObjectMapper mapper, Consumer<Boolean> pauseSources) {
        this.response = response;
        this.mapper = mapper;
        this.pauseSources = pauseSources;
    }

    /** Whether the client cannot take more now (a source that starts streaming starts paused). */
    boolean paused() {
        return paused;
    }

    /** Writes nothing more (the client left, or the answer was another one). */
    void close() {
        closed = true;
    }

    void entry(MergedEntry entry, String mergedId) {
        Buffer out = Buffer.buffer();
        MergedFormat.SSE.append(out, mapper, entry, "", mergedId);
        write(out);
    }

    /** {@code event: source} with the task and its new state. */
    void source(Follower f, String state) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("task_id", f.taskId());
        data.put("task_name", f.source.task().name());
        data.put("agent_id", f.source.task().agentId());
        data.put("state", state);
        try {
            write(MergedFormat.event("source", mapper.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Called every ping interval: a ping when nothing was written since the last call. */
    void pingIfQuiet() {
        if (!wrote) {
            write(PING);
        }
        wrote = false;
    }

    /** A ping now: sends the head at once when there is nothing else to say yet. */
    void ping() {
        write(PING);
    }

    private void write(Buffer out) {
        if (closed || response.closed()) {
            return;
        }
        response.write(out);
        wrote = true;
        if (!paused && response.writeQueueFull()) {
            paused = true;
            pauseSources.accept(true);
            response.drainHandler(drained -> {
                paused = false;
                pauseSources.accept(false);
            });
        }
    }
}
