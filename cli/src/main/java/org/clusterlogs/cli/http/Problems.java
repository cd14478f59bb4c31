package org.clusterlogs.cli.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an error answer (the suite's problem JSON, errors.md) into the one message a user and a
 * script need: what went wrong, in the words of the status, with the server's detail and the
 * extension members that matter (an ambiguous task's candidates, a refused policy's errors).
 */
public final class Problems {

    private Problems() {
    }

    public static ApiFailure failure(int status, byte[] body) {
        JsonNode problem = parse(body);
        String code = problem.path("code").asText("");
        String detail = problem.path("detail").asText(problem.path("title").asText(""));
        String message = switch (status) {
            case 401 -> ApiFailure.LOGIN_HINT;
            case 403 -> "forbidden: " + orElse(detail, "the token's user lacks the permission");
            case 404 -> (code.equals("TaskNotFound") ? "task not found: " : "not found: ") + orElse(detail, code);
            case 409 -> code.equals("AmbiguousTask") ? ambiguous(detail, problem) : "conflict: " + orElse(detail, code);
            case 502 -> "unreachable: " + orElse(detail, "the cluster could not reach the node or service");
            case 503 -> "service unavailable: " + orElse(detail, code);
            default -> code.equals("InvalidPolicy") ? invalidPolicy(detail, problem)
                    : "the server answered " + status + (code.isEmpty() ? "" : " " + code) + (detail.isEmpty() ? "" : ": " + detail);
        };
        return new ApiFailure(status, message);
    }

    private static String ambiguous(String detail, JsonNode problem) {
        List<String> lines = new ArrayList<>();
        lines.add("ambiguous task name: " + orElse(detail, "several tasks match") + "; name one of:");
        problem.path("candidates").forEach(candidate -> lines.add("  " + candidate.asText()));
        if (problem.path("moreCandidates").asBoolean(false)) {
            lines.add("  (and more)");
        }
        return String.join("\n", lines);
    }

    private static String invalidPolicy(String detail, JsonNode problem) {
        List<String> lines = new ArrayList<>();
        lines.add("policy refused: " + orElse(detail, "the document is not a valid policy"));
        problem.path("errors").forEach(error -> lines.add("  " + error.path("message").asText(error.toString())));
        return String.join("\n", lines);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : Json.mapper().readTree(body);
            return node == null ? Json.mapper().createObjectNode() : node;
        } catch (IOException notJson) {
            return Json.mapper().createObjectNode().put("detail", new String(body, StandardCharsets.UTF_8).strip());
        }
    }

    private static String orElse(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
