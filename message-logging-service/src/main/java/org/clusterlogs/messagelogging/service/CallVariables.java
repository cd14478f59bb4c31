package org.clusterlogs.messagelogging.service;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.messagelogging.template.FlowVariables;
import org.clusterlogs.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The flow variables of one finished call, read from its routing context: who (client.ip,
 * user.uid), what (verb, uri, path, query, headers), the answer (status, response headers) and
 * where (organization, environment, service, revision). Credentials never reach a template: the
 * values of {@link #REDACTED_HEADERS} are replaced by {@value #REDACTED}.
 *
 * <p>This runs for every call of the service while a policy is deployed, so it does no work up
 * front: each variable is read from the routing context when a template asks for it, and the two
 * that are made rather than read ({@code messageid}, {@code system.time}) are made once per call,
 * so that every policy's line about the call shows the same values.
 */
public final class CallVariables {

    public static final String REDACTED = "[redacted]";
    /** Headers that carry credentials; their names stay visible, their values never. */
    static final Set<String> REDACTED_HEADERS = caseInsensitive("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie");
    /** Path parameters of the services' own routes that name a variable of their own. */
    static final Map<String, List<String>> ROUTE_VARIABLES = Map.of(
            "task.id", List.of("task", "taskId"),
            "agent.id", List.of("agent", "agentId"),
            "component.name", List.of("component", "componentName"));
    /** {@code system.time}: RFC 1123, in UTC, as HTTP's {@code Date} header. */
    static final DateTimeFormatter SYSTEM_TIME = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).withLocale(Locale.US);

    private final ServiceSettings settings;
    private final Clock clock;

    public CallVariables(ServiceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The variables of the call whose response has just ended; valid while its handlers run. */
    public FlowVariables of(RoutingContext rc) {
        return new Call(rc, clock.millis());
    }

    /** One call's variables, looked up on demand. */
    private final class Call implements FlowVariables {
        private final RoutingContext rc;
        private final long nowMillis;
        private String messageId;

        Call(RoutingContext rc, long nowMillis) {
            this.rc = rc;
            this.nowMillis = nowMillis;
        }

        @Override
        public String get(String name) {
            HttpServerRequest request = rc.request();
            return switch (name) {
                case "organization.name" -> settings.organization();
                case "environment.name" -> settings.environment();
                case "apiproxy.name" -> settings.service();
                case "apiproxy.revision" -> settings.revision();
                case "messageid" -> messageId();
                case "system.timestamp" -> Long.toString(nowMillis);
                case "system.time" -> SYSTEM_TIME.format(Instant.ofEpochMilli(nowMillis));
                case "client.ip" -> request.remoteAddress() == null ? null : request.remoteAddress().host();
                case "request.verb" -> request.method().name();
                case "request.uri" -> request.uri();
                case "request.path" -> request.path();
                case "request.querystring" -> request.query();
                case "response.status.code", "message.status.code" -> Integer.toString(rc.response().getStatusCode());
                case "user.uid" -> Caller.of(rc).map(Caller::uid).orElse(null);
                case "error.message" -> rc.failure() == null ? null : rc.failure().getMessage();
                case "task.id", "agent.id", "component.name" -> pathParameter(name);
                default -> family(name);
            };
        }

        private String family(String name) {
            if (name.startsWith(REQUEST_HEADER)) {
                return header(rc.request().headers(), name.substring(REQUEST_HEADER.length()));
            }
            if (name.startsWith(RESPONSE_HEADER)) {
                return header(rc.response().headers(), name.substring(RESPONSE_HEADER.length()));
            }
            if (name.startsWith(QUERY_PARAM)) {
                return firstQueryParam(rc, name.substring(QUERY_PARAM.length()));
            }
            return null;
        }

        private String pathParameter(String variable) {
            for (String parameter : ROUTE_VARIABLES.get(variable)) {
                String value = rc.pathParam(parameter);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        /**
         * A version 4 UUID from the thread's fast generator: the id only has to be unique, not
         * unpredictable, and {@link UUID#randomUUID()} would draw on one shared {@code SecureRandom}.
         */
        private String messageId() {
            if (messageId == null) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long high = random.nextLong() & ~0xF000L | 0x4000L;
                long low = random.nextLong() & ~(0xC000L << 48) | 0x8000L << 48;
                messageId = new UUID(high, low).toString();
            }
            return messageId;
        }
    }

    /** Several values joined with a comma, as HTTP allows; credentials redacted. */
    private static String header(MultiMap headers, String name) {
        List<String> values = headers.getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        return REDACTED_HEADERS.contains(name) ? REDACTED : String.join(",", values);
    }

    /** The first value of the parameter, its name compared case-sensitively (unlike a header's). */
    private static String firstQueryParam(RoutingContext rc, String name) {
        MultiMap params;
        try {
            params = rc.queryParams();
        } catch (RuntimeException e) {
            return null; // a query that does not decode: no parameters, the rest still logged
        }
        for (Map.Entry<String, String> param : params) {
            if (param.getKey().equals(name)) {
                return param.getValue();
            }
        }
        return null;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return Collections.unmodifiableSet(set);
    }
}
