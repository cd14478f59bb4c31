package org.clusterlogs.auth.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clusterlogs.auth.api.IamException;
import org.clusterlogs.common.problem.ProblemException;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A login body, checked in the reference's order: a body without a content type is 400, one that
 * is neither JSON nor form-encoded 415, undecodable JSON 400, a field of the wrong type 400, not
 * exactly one of {@code password} and {@code token} 400, and a password without uid or an empty
 * uid or password 400. Whether the uid is valid or known is not decided here: that is a 401 like
 * any failed login.
 */
public record LoginRequest(String uid, String password, String token) {

    public boolean withPassword() {
        return password != null;
    }

    static LoginRequest parse(String contentType, byte[] body, ObjectMapper json) {
        if (body == null || body.length == 0) {
            throw invalid("a login needs a JSON body {uid, password} or {uid, token}");
        }
        if (contentType == null || contentType.isBlank()) {
            throw invalid("the body has no Content-Type");
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Map<String, Object> fields = switch (type) {
            case "application/json" -> jsonFields(body, json);
            case "application/x-www-form-urlencoded" -> formFields(body);
            default -> throw new ProblemException(415, "UnsupportedMediaType",
                    "a login body is application/json (or application/x-www-form-urlencoded)");
        };
        String uid = string(fields, "uid");
        String password = string(fields, "password");
        String token = string(fields, "token");
        if ((password == null) == (token == null)) {
            throw invalid("give exactly one of token and password");
        }
        if (password != null && uid == null) {
            throw invalid("a password login needs a uid");
        }
        if ("".equals(uid) || "".equals(password) || "".equals(token)) {
            throw invalid("uid, password and token must not be empty");
        }
        return new LoginRequest(uid, password, token);
    }

    private static Map<String, Object> jsonFields(byte[] body, ObjectMapper json) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw invalid("the body is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        Map<String, Object> fields = new HashMap<>();
        tree.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isTextual() ? f.getValue().textValue()
                : f.getValue().isNull() ? null : f.getValue()));
        return fields;
    }

    private static Map<String, Object> formFields(byte[] body) {
        Map<String, Object> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw invalid("the form body does not decode");
            }
        }
        return fields;
    }

    private static String string(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw invalid(name + " must be a string");
        }
        return (String) value;
    }

    private static IamException invalid(String description) {
        return new IamException(400, "ERR_INVALID_DATA", description);
    }
}
