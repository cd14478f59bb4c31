package org.clusterlogs.messagelogging.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The flow variables of one API call, built by the service's filter after the response:
 * plain variables ({@code request.verb}, {@code response.status.code}, {@code user.uid}, ...)
 * plus three families answered from the request and response themselves:
 * {@code request.header.{name}} and {@code response.header.{name}} (header names are
 * case-insensitive, as in HTTP; several values are joined with a comma) and
 * {@code request.queryparam.{name}} (case-sensitive, the first value).
 * Not thread-safe while being built; read-only afterwards.
 */
public final class FlowContext implements FlowVariables {

    private final Map<String, String> variables;
    private final Map<String, List<String>> requestHeaders;
    private final Map<String, List<String>> responseHeaders;
    private final Map<String, List<String>> queryParams;

    private FlowContext(Builder b) {
        variables = Map.copyOf(b.variables);
        requestHeaders = b.requestHeaders;
        responseHeaders = b.responseHeaders;
        queryParams = Map.copyOf(b.queryParams);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String get(String name) {
        String value = variables.get(name);
        if (value != null) {
            return value;
        }
        if (name.startsWith(REQUEST_HEADER)) {
            return joined(requestHeaders.get(name.substring(REQUEST_HEADER.length())));
        }
        if (name.startsWith(RESPONSE_HEADER)) {
            return joined(responseHeaders.get(name.substring(RESPONSE_HEADER.length())));
        }
        if (name.startsWith(QUERY_PARAM)) {
            List<String> values = queryParams.get(name.substring(QUERY_PARAM.length()));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
        return null;
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    /** Collects the variables of one call. */
    public static final class Builder {
        private final Map<String, String> variables = new HashMap<>();
        private final Map<String, List<String>> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, List<String>> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, List<String>> queryParams = new HashMap<>();

        private Builder() {
        }

        /** Sets a variable; a null value leaves it unset. */
        public Builder set(String name, Object value) {
            if (value != null) {
                variables.put(name, value.toString());
            }
            return this;
        }

        public Builder requestHeader(String name, String value) {
            requestHeaders.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder responseHeader(String name, String value) {
            responseHeaders.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder queryParam(String name, String value) {
            queryParams.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public FlowContext build() {
            return new FlowContext(this);
        }
    }
}
