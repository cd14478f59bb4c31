package org.clusterlogs.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one error body of the suite: RFC 9457 problem details plus {@code code}, a stable
 * machine-readable name of the error. Members an API promises beyond these (DC/OS IAM's
 * {@code description}, a validator's list of errors) are extension members: written at the top
 * level of the same object, never nested. Null members are left out.
 *
 * @param type       always {@link #TYPE}: the status and {@code code} say what happened
 * @param title      the HTTP reason phrase of {@code status}
 * @param status     the HTTP status of the response
 * @param detail     what went wrong in this request, for a human; null when the title says it all
 * @param instance   the request path
 * @param code       the stable name of the error, such as {@code BadCursor}
 * @param extensions further members, in the order given; none may take a standard member's name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code"})
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE = "about:blank";
    /** The code of every failure the service did not expect. */
    public static final String INTERNAL_ERROR = "InternalError";
    /** The detail of every unexpected failure: the client learns nothing about the inside. */
    public static final String INTERNAL_DETAIL = "The server could not complete the request; the service log has the details.";

    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "code");

    public Problem {
        Objects.requireNonNull(code, "code");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, got " + status);
        }
        Map<String, Object> copy = new LinkedHashMap<>(extensions == null ? Map.of() : extensions);
        for (String name : copy.keySet()) {
            if (MEMBERS.contains(name)) {
                throw new IllegalArgumentException("extension member '" + name + "' would hide a standard member");
            }
        }
        extensions = Collections.unmodifiableMap(copy);
    }

    /** A problem without extension members, titled by its status. */
    public static Problem of(int status, String code, String detail, String instance) {
        return new Problem(TYPE, HttpTitles.of(status), status, detail, instance, code, Map.of());
    }

    /**
     * A refusal by the HTTP stack itself (no route, wrong method, unacceptable media type) that
     * has nothing to say beyond its status: the code is the title without spaces ({@code NotFound}).
     */
    public static Problem ofStatus(int status, String instance) {
        String title = HttpTitles.of(status);
        return new Problem(TYPE, title, status, null, instance, title.replace(" ", ""), Map.of());
    }

    /** The 500 answer to anything unexpected: the same generic text whatever happened. */
    public static Problem internalError(String instance) {
        return of(500, INTERNAL_ERROR, INTERNAL_DETAIL, instance);
    }

    /** Written flat, next to the standard members. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
