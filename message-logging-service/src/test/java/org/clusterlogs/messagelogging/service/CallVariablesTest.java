package org.clusterlogs.messagelogging.service;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.clusterlogs.messagelogging.template.FlowVariables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The variables of real HTTP calls to a Vert.x router on loopback, read the way a template reads
 * them: after the response has ended, on demand.
 */
class CallVariablesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T05:12:01.250Z");
    private static final String[] NAMES = {
            "organization.name", "environment.name", "apiproxy.name", "apiproxy.revision", "system.timestamp",
            "system.time", "client.ip", "request.verb", "request.uri", "request.path", "request.querystring",
            "response.status.code", "message.status.code", "user.uid", "error.message", "task.id", "agent.id",
            "component.name", "request.header.x-multi", "request.header.authorization", "request.header.cookie",
            "response.header.x-answer", "response.header.set-cookie", "request.queryparam.x",
            "request.queryparam.X", "request.queryparam.absent", "request.header.absent", "no.such.variable"};

    private static Vertx vertx;
    private static HttpServer server;
    private static HttpClient client;
    private static volatile CompletableFuture<Map<String, String>> seen;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        ServiceSettings settings = new ServiceSettings(Optional.empty(), "prod", "log-service", "clusterlogs", "1.2.3",
                Path.of("unused"));
        CallVariables variables = new CallVariables(settings, Clock.fixed(NOW, ZoneOffset.UTC));
        Router router = Router.router(vertx);
        router.route().handler(rc -> {
            rc.addEndHandler(ended -> seen.complete(read(variables.of(rc))));
            rc.next();
        });
        router.get("/agents/:agent/task/:task").handler(rc -> rc.response()
                .putHeader("X-Answer", "yes").putHeader("Set-Cookie", "s=1").setStatusCode(202).end("ok"));
        router.get("/fails").handler(rc -> rc.fail(new IllegalStateException("it broke")));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client = vertx.createHttpClient();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Map<String, String> read(FlowVariables call) {
        Map<String, String> values = new HashMap<>();
        for (String name : NAMES) {
            values.put(name, call.get(name));
        }
        values.put("messageid", call.get("messageid"));
        values.put("messageid, again", call.get("messageid"));
        return values;
    }

    private static Map<String, String> call(String uri, String... headers) throws Exception {
        seen = new CompletableFuture<>();
        client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", uri).compose(request -> {
            for (int i = 0; i < headers.length; i += 2) {
                request.headers().add(headers[i], headers[i + 1]);
            }
            return request.send().compose(response -> response.body());
        }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return seen.get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyVariableOfACall() throws Exception {
        Map<String, String> v = call("/agents/a-1/task/t%201?x=1&X=2&x=3",
                "X-Multi", "one", "x-multi", "two", "Authorization", "token=secret", "Cookie", "dcos-acs-auth-cookie=secret");
        assertEquals("clusterlogs", v.get("organization.name"));
        assertEquals("prod", v.get("environment.name"));
        assertEquals("log-service", v.get("apiproxy.name"));
        assertEquals("1.2.3", v.get("apiproxy.revision"));
        assertEquals(Long.toString(NOW.toEpochMilli()), v.get("system.timestamp"));
        assertEquals("Mon, 30 Nov 2026 05:12:01 GMT", v.get("system.time"));
        assertEquals("127.0.0.1", v.get("client.ip"));
        assertEquals("GET", v.get("request.verb"));
        assertEquals("/agents/a-1/task/t%201?x=1&X=2&x=3", v.get("request.uri"));
        assertEquals("/agents/a-1/task/t%201", v.get("request.path"));
        assertEquals("x=1&X=2&x=3", v.get("request.querystring"));
        assertEquals("202", v.get("response.status.code"));
        assertEquals("202", v.get("message.status.code"));
        assertEquals("t 1", v.get("task.id"), "path parameters decoded");
        assertEquals("a-1", v.get("agent.id"));
        assertEquals("one,two", v.get("request.header.x-multi"), "header names case-insensitive, values joined");
        assertEquals(CallVariables.REDACTED, v.get("request.header.authorization"));
        assertEquals(CallVariables.REDACTED, v.get("request.header.cookie"));
        assertEquals(CallVariables.REDACTED, v.get("response.header.set-cookie"));
        assertEquals("yes", v.get("response.header.x-answer"));
        assertEquals("1", v.get("request.queryparam.x"), "the first value");
        assertEquals("2", v.get("request.queryparam.X"), "parameter names case-sensitive");
        for (String unset : new String[]{"user.uid", "error.message", "component.name", "request.queryparam.absent",
                "request.header.absent", "no.such.variable"}) {
            assertNull(v.get(unset), unset);
        }
    }

    @Test
    void aMessageIdIsAVersion4UuidMadeOncePerCall() throws Exception {
        Map<String, String> first = call("/agents/a/task/t");
        Map<String, String> second = call("/agents/a/task/t");
        UUID id = UUID.fromString(first.get("messageid"));
        assertEquals(4, id.version());
        assertEquals(2, id.variant());
        assertEquals(first.get("messageid"), first.get("messageid, again"), "every policy's line about a call shows one id");
        assertNotEquals(first.get("messageid"), second.get("messageid"));
    }

    @Test
    void aFailedRouteHasItsErrorMessage() throws Exception {
        Map<String, String> v = call("/fails?%zz");
        assertEquals("500", v.get("response.status.code"));
        assertEquals("it broke", v.get("error.message"));
        assertNull(v.get("request.queryparam.zz"), "a query that does not decode has no parameters");
        assertEquals("%zz", v.get("request.querystring"));
    }

}
