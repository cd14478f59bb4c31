package org.clusterlogs.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to the cluster: method, path with its query (relative to the base URL), the headers
 * a command adds, and a body. Immutable, because a redirect or a reconnect sends it again.
 */
public record ApiRequest(String method, String target, Map<String, String> headers, byte[] body) {

    public static ApiRequest get(String target) {
        return new ApiRequest("GET", target, Map.of(), null);
    }

    public static ApiRequest put(String target, String contentType, byte[] body) {
        return new ApiRequest("PUT", target, Map.of("Content-Type", contentType), body);
    }

    public static ApiRequest post(String target, String contentType, byte[] body) {
        return new ApiRequest("POST", target, Map.of("Content-Type", contentType), body);
    }

    /** The same request with one more header (or another value of it). */
    public ApiRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiRequest(method, target, Map.copyOf(more), body);
    }

    /** One path segment, percent-encoded (a task name may hold anything but a slash). */
    public static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code name=value} for a query string, the value percent-encoded. */
    public static String parameter(String name, Object value) {
        return name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}
