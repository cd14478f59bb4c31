package org.clusterlogs.cli.logs;

import com.fasterxml.jackson.databind.JsonNode;
import org.clusterlogs.cli.http.Json;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Prints a merged stream's events: each entry as a line of text behind its source's prefix, the
 * message alone as in the merged stream's text form (or its JSON as it came, which names the
 * source in {@code fields}), and each {@code source}
 * event (a task added, ended, its node lost or rejoined) as one line on stderr, so that the
 * log lines on stdout stay only log lines.
 */
final class MergedPrinter implements EventPrinter {

    static final String SOURCE_EVENT = "source";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean colour;

    MergedPrinter(PrintWriter out, PrintWriter err, boolean json, boolean colour) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.colour = colour;
    }

    @Override
    public void print(SseEvent event) throws IOException {
        if (event.isEntry()) {
            out.println(json ? event.data() : entry(event.data()));
            out.flush();
        } else if (SOURCE_EVENT.equals(event.type())) {
            err.println("clusterlogs: " + sourceChange(event.data()));
            err.flush();
        }
    }

    private String entry(String data) throws IOException {
        JsonNode entry = Json.mapper().readTree(data);
        JsonNode fields = entry.path("fields");
        SourcePrefix source = new SourcePrefix(fields.path("TASK_NAME").asText(null), fields.path("TASK_ID").asText(null));
        return source.prefix(colour) + EntryText.message(entry);
    }

    /** {@code [lost] nginx/abc12 on node a1}: what happened to which source. */
    static String sourceChange(String data) throws IOException {
        JsonNode change = Json.mapper().readTree(data);
        SourcePrefix source = new SourcePrefix(change.path("task_name").asText(null), change.path("task_id").asText(null));
        String agent = change.path("agent_id").asText("");
        return "[" + change.path("state").asText("?") + "] " + source.label() + (agent.isEmpty() ? "" : " on node " + agent);
    }
}
