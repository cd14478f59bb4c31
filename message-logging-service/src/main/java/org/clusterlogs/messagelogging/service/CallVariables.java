package org.clusterlogs.messagelogging.service;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.messagelogging.template.FlowContext;
import org.clusterlogs.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The flow variables of one finished call, read from its routing context: who (client.ip,
 * user.uid), what (verb, uri, path, query, headers), the answer (status, response headers) and
 * where (organization, environment, service, revision). Credentials never reach a template: the
 * values of {@link #REDACTED_HEADERS} are replaced by {@value #REDACTED}.
 */
public final class CallVariables {

    public static final String REDACTED = "[redacted]";
    /** Headers that carry credentials; their names stay visible, their values never. */
    static final Set<String> REDACTED_HEADERS = caseInsensitive("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie");
    /** Path parameters of the services' own routes that name a variable of their own. */
    static final Map<String, String> ROUTE_VARIABLES = Map.of(
            "task", "task.id", "taskId", "task.id",
            "agent", "agent.id", "agentId", "agent.id",
            "component", "component.name", "componentName", "component.name");
    /** {@code system.time}: RFC 1123, in UTC, as HTTP's {@code Date} header. */
    static final DateTimeFormatter SYSTEM_TIME = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).withLocale(Locale.US);

    private final ServiceSettings settings;
    private final Clock clock;

    public CallVariables(ServiceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public FlowContext of(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        Instant now = clock.instant();
        FlowContext.Builder b = FlowContext.builder()
                .set("organization.name", settings.organization())
                .set("environment.name", settings.environment())
                .set("apiproxy.name", settings.service())
                .set("apiproxy.revision", settings.revision())
                .set("messageid", UUID.randomUUID())
                .set("system.timestamp", now.toEpochMilli())
                .set("system.time", SYSTEM_TIME.format(now))
                .set("client.ip", request.remoteAddress() == null ? null : request.remoteAddress().host())
                .set("request.verb", request.method().name())
                .set("request.uri", request.uri())
                .set("request.path", request.path())
                .set("request.querystring", request.query())
                .set("response.status.code", response.getStatusCode())
                .set("message.status.code", response.getStatusCode())
                .set("user.uid", Caller.of(rc).map(Caller::uid).orElse(null));
        if (rc.failure() != null) {
            b.set("error.message", rc.failure().getMessage());
        }
        request.headers().forEach(h -> b.requestHeader(h.getKey(), visible(h.getKey(), h.getValue())));
        response.headers().forEach(h -> b.responseHeader(h.getKey(), visible(h.getKey(), h.getValue())));
        queryParams(rc).forEach(p -> b.queryParam(p.getKey(), p.getValue()));
        rc.pathParams().forEach((name, value) -> {
            String variable = ROUTE_VARIABLES.get(name);
            if (variable != null) {
                b.set(variable, value);
            }
        });
        return b.build();
    }

    private static MultiMap queryParams(RoutingContext rc) {
        try {
            return rc.queryParams();
        } catch (RuntimeException e) {
            return MultiMap.caseInsensitiveMultiMap(); // a query that does not decode: no parameters, the rest still logged
        }
    }

    private static String visible(String name, String value) {
        return REDACTED_HEADERS.contains(name) ? REDACTED : value;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return Collections.unmodifiableSet(set);
    }
}
