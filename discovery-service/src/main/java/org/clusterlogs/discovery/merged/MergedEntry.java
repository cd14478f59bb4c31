package org.clusterlogs.discovery.merged;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.discovery.index.Task;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of one source, as its node wrote it (the single log's JSON object), with the
 * source's identity added to {@code fields} where the node left it out: {@code TASK_ID},
 * {@code TASK_NAME}, {@code AGENT_ID}, {@code FILE}; fields stay sorted by name.
 *
 * @param source   the source's task id
 * @param json     the entry's object, fields completed
 * @param cursor   the source's own cursor of this entry
 * @param realtime its {@code realtime_timestamp} (µs), or -1 when it carries none
 */
public record MergedEntry(String source, ObjectNode json, String cursor, long realtime) {

    /**
     * The entry of a node's JSON line (an NDJSON line, an SSE {@code data:}), for {@code source}.
     *
     * @throws IOException when the node sent something that is not an entry object
     */
    public static MergedEntry read(ObjectMapper mapper, byte[] line, MergedSource source) throws IOException {
        JsonNode node = mapper.readTree(line);
        if (!(node instanceof ObjectNode object) || !object.path("fields").isObject()) {
            throw new IOException("not a log entry: " + (node == null ? "nothing" : node.getNodeType()));
        }
        ObjectNode fields = (ObjectNode) object.get("fields");
        Task task = source.task();
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            sorted.put(field.getKey(), field.getValue());
        }
        sorted.putIfAbsent("TASK_ID", fields.textNode(task.id()));
        sorted.putIfAbsent("TASK_NAME", fields.textNode(task.name()));
        sorted.putIfAbsent("AGENT_ID", fields.textNode(task.agentId()));
        if (source.file() != null) {
            sorted.putIfAbsent("FILE", fields.textNode(source.file()));
        }
        fields.removeAll();
        fields.setAll(sorted);
        JsonNode realtime = object.get("realtime_timestamp");
        return new MergedEntry(task.id(), object, object.path("cursor").asText(""),
                realtime != null && realtime.canConvertToLong() ? realtime.asLong() : -1);
    }

    /** The entry's message (what a text line shows). */
    public String message() {
        return json.path("fields").path("MESSAGE").asText("");
    }

    /** Whether this is a piece of a line too long for one entry, not its last. */
    public boolean splitPiece() {
        return "true".equals(json.path("fields").path("SPLIT").asText(null));
    }
}
