package org.clusterlogs.discovery.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.clusterlogs.discovery.testsupport.Eventually;
import org.clusterlogs.discovery.testsupport.LoopbackUpstream;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming proxy over real sockets, against {@link LoopbackUpstream} (a Vert.x server on
 * loopback standing in for a node's log-service and for auth-service): what goes upstream (path,
 * query byte for byte, the header rules, a body as it is sent), what comes back (status, headers,
 * events one by one, a cut when the upstream breaks), the proxy's own answers (404, 502), and
 * the endings: a client that leaves closes the upstream, a client that does not read pauses it.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopbackUpstream.class, restrictToAnnotatedClass = true)
class AgentProxyTest {

    private static final String AGENT = "/system/v1/agent/agent-1/logs";
    private static final Vertx VERTX = Vertx.vertx();
    private static final HttpClient CLIENT = VERTX.createHttpClient();

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void indexLoaded() {
        Eventually.within(Duration.ofSeconds(10), () -> given().get("/q/health/ready").then().statusCode(200));
    }

    @AfterAll
    static void closeClient() {
        VERTX.close();
    }

    @Test
    void agentRoutesCarryThePathAndTheRawQueryUnchanged() throws Exception {
        String query = "b=2&a=%2F1&a=1&sp=%20+x&e=&cursor=END&skip=-5";
        JsonObject seen = echo(get(AGENT + "/v2/task/frameworks/fw/executors/ex/runs/c/echo?" + query));
        assertEquals("/system/v1/logs/v2/task/frameworks/fw/executors/ex/runs/c/echo?" + query, seen.getString("uri"));

        String files = "path=/var/lib/mesos/slave/slaves/agent-1/frameworks/fw/executors/ex/runs/c/stdout&offset=0"
                + "&length=50000";
        assertEquals("/files/read?" + files, echo(get("/agent/agent-1/files/read?" + files)).getString("uri"));
        assertEquals("/files/browse?path=/x", echo(get("/agent/agent-1/files/browse?path=/x")).getString("uri"));
        assertEquals("/files/download?path=/x", echo(get("/agent/agent-1/files/download?path=/x")).getString("uri"));
    }

    @Test
    void hopByHopRequestHeadersStayHereAndTheClientIsNamed() throws Exception {
        RequestOptions options = request(HttpMethod.GET, AGENT + "/v2/echo")
                .putHeader("Host", "cluster.example:8443")
                .putHeader("Connection", "keep-alive, X-Secret-Hop")
                .putHeader("X-Secret-Hop", "1")
                .putHeader("Keep-Alive", "timeout=5")
                .putHeader("TE", "trailers")
                .putHeader("Trailer", "X-Checksum")
                .putHeader("Proxy-Authorization", "Basic c2VjcmV0")
                .putHeader("Authorization", "token=abc.def.ghi")
                .putHeader("Cookie", "dcos-acs-auth-cookie=xyz; other=1")
                .putHeader("Accept", "text/event-stream")
                .putHeader("Last-Event-ID", "42")
                .putHeader("Range", "bytes=0-10")
                .putHeader("X-Forwarded-For", "203.0.113.7");
        JsonObject headers = echo(send(options, null)).getJsonObject("headers");
        for (String dropped : List.of("x-secret-hop", "keep-alive", "te", "trailer", "proxy-authorization")) {
            assertNull(headers.getValue(dropped), dropped + " went upstream: " + headers);
        }
        assertEquals("token=abc.def.ghi", first(headers, "authorization"));
        assertEquals("dcos-acs-auth-cookie=xyz; other=1", first(headers, "cookie"));
        assertEquals("text/event-stream", first(headers, "accept"));
        assertEquals("42", first(headers, "last-event-id"));
        assertEquals("bytes=0-10", first(headers, "range"));
        assertEquals("203.0.113.7, 127.0.0.1", first(headers, "x-forwarded-for"));
        assertEquals("http", first(headers, "x-forwarded-proto"));
        assertEquals("cluster.example:8443", first(headers, "x-forwarded-host"));
        assertTrue(first(headers, "host").startsWith("127.0.0.1:"), headers.toString());
    }

    @Test
    void hopByHopResponseHeadersStayHereEndToEndOnesAndCookiesArrive() throws Exception {
        Answer answer = get(AGENT + "/v2/hop");
        HttpClientResponse response = answer.response();
        assertEquals(200, response.statusCode());
        assertEquals("kept", response.getHeader("X-End"));
        assertEquals(List.of("a=1; Path=/", "b=2; Path=/; HttpOnly"), response.headers().getAll("Set-Cookie"));
        for (String dropped : List.of("X-Hop", "Keep-Alive", "Proxy-Thing")) {
            assertNull(response.getHeader(dropped), dropped + " came back");
        }
        assertEquals("hop\n", answer.body().toString());
    }

    @Test
    void theProxysOwnAnswersAreProblems() {
        ProblemJson.assertProblem(given().get("/system/v1/agent/no-such-agent/logs/v2/x").then(), 404,
                "AgentNotFound", "/system/v1/agent/no-such-agent/logs/v2/x");
        ProblemJson.assertProblem(given().get("/agent/no-such-agent/files/read?path=/x").then(), 404,
                "AgentNotFound", "/agent/no-such-agent/files/read");
        ProblemJson.assertProblem(given().get("/system/v1/agent/agent-down/logs/v2/x").then(), 502,
                "UpstreamUnreachable", "/system/v1/agent/agent-down/logs/v2/x").body("detail", containsString("refused"));
        ProblemJson.assertProblem(given().get("/v1/policies/p1").then(), 502, "UpstreamUnreachable", "/v1/policies/p1");
        ProblemJson.assertProblem(given().get("/agent/agent-1/files/other?path=/x").then(), 404);
        given().get("/q/metrics").then().body(containsString(
                "discovery_proxy_upstream_errors_total{family=\"agent-logs\",kind=\"refused\"}"));
    }

    @Test
    void authServicesInternalApiIsNotServedHere() {
        LoopbackUpstream.URIS.clear();
        ProblemJson.assertProblem(given().get("/acs/api/v1/internal/policyquery?rid=x&uid=y&action=full").then(),
                404, "RouteNotFound", "/acs/api/v1/internal/policyquery");
        // %69 is "i": the path is matched as normalised, as the auth filter sees it
        ProblemJson.assertProblem(given().urlEncodingEnabled(false).get("/acs/api/v1/%69nternal/policyquery").then(),
                404, "RouteNotFound", "/acs/api/v1/%69nternal/policyquery");
        assertTrue(LoopbackUpstream.URIS.isEmpty(), "went upstream: " + LoopbackUpstream.URIS);
    }

    @Test
    void authServicesApiIsForwardedWithItsBody() throws Exception {
        String login = "{\"uid\":\"admin\",\"password\":\"secret\"}";
        JsonObject seen = echo(send(request(HttpMethod.POST, "/acs/api/v1/auth/login")
                .putHeader("Content-Type", "application/json"), Buffer.buffer(login)));
        assertEquals("POST", seen.getString("method"));
        assertEquals("/acs/api/v1/auth/login", seen.getString("uri"));
        assertEquals(login.length(), seen.getInteger("bodyBytes"));
        assertEquals("application/json", first(seen.getJsonObject("headers"), "content-type"));
        given().get("/q/metrics").then().body(containsString(
                "discovery_proxy_requests_total{family=\"acs\",status=\"200\"}"));
    }

    @Test
    void aRequestBodyGoesUpstreamAsItIsSent() throws Exception {
        LoopbackUpstream.uploaded.set(0);
        HttpClientRequest upload = await(CLIENT.request(request(HttpMethod.POST, AGENT + "/v2/upload")));
        // claimed before the body ends: the upstream answers only at its end
        Future<Answer> answer = upload.response().compose(r -> r.body().map(b -> new Answer(r, b)));
        upload.setChunked(true);
        upload.write(Buffer.buffer(new byte[100_000]));
        // the first part is upstream while the client still holds the rest
        Eventually.within(Duration.ofSeconds(10), () -> assertEquals(100_000, LoopbackUpstream.uploaded.get()));
        upload.end(Buffer.buffer(new byte[50_000]));
        assertEquals(150_000, echo(await(answer)).getInteger("bodyBytes"));
    }

    @Test
    void aClientThatExpects100ContinueGetsItAndItsBodyGoesUpstream() throws Exception {
        LoopbackUpstream.uploaded.set(0);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + AGENT + "/v2/upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            readUntil(in, "HTTP/1.1 100 Continue\r\n\r\n");
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.endsWith("{\"bodyBytes\":5}"), answer);
        }
    }

    @Test
    void serverSentEventsArriveOneByOne() throws Exception {
        LoopbackUpstream.secondEvent = new CompletableFuture<>();
        StringBuilder events = new StringBuilder();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        try {
            // the handlers are set in the task that sends the request (see send)
            HttpClientResponse response = await(CLIENT.request(request(HttpMethod.GET, AGENT + "/v2/sse")
                    .putHeader("Accept", "text/event-stream")).compose(request -> request.send().map(r -> {
                        r.handler(chunk -> {
                            synchronized (events) {
                                events.append(chunk.toString(StandardCharsets.UTF_8));
                            }
                        });
                        return r.endHandler(v -> ended.complete(null));
                    })));
            assertEquals("text/event-stream", response.getHeader("Content-Type"));
            // the first event is here before the upstream has sent the second
            Eventually.within(Duration.ofSeconds(10), () -> {
                synchronized (events) {
                    assertEquals("id: 1\ndata: one\n\n", events.toString());
                }
            });
            assertFalse(ended.isDone());
        } finally {
            // ends the upstream's stream even when an assertion failed, so that no stream stays open
            LoopbackUpstream.secondEvent.complete(null);
        }
        ended.get(10, TimeUnit.SECONDS);
        synchronized (events) {
            assertEquals("id: 1\ndata: one\n\nid: 2\ndata: two\n\n", events.toString());
        }
    }

    @Test
    void aClientThatLeavesClosesTheUpstreamStream() throws Exception {
        LoopbackUpstream.followClosed.set(false);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            sendRequest(socket, AGENT + "/v2/follow");
            readUntil(socket.getInputStream(), "data: one");
            assertFalse(LoopbackUpstream.followClosed.get());
        }
        Eventually.within(Duration.ofSeconds(10), () -> assertTrue(LoopbackUpstream.followClosed.get()));
        Eventually.within(Duration.ofSeconds(10), () -> given().get("/q/metrics").then()
                .body(containsString("discovery_proxy_streams_open 0.0")));
    }

    @Test
    void anUpstreamThatBreaksMidStreamCutsTheClientsResponse() throws Exception {
        AtomicInteger status = new AtomicInteger();
        Future<Buffer> body = CLIENT.request(request(HttpMethod.GET, AGENT + "/v2/cut"))
                .compose(request -> request.send().compose(response -> {
                    status.set(response.statusCode());
                    return response.body();
                }));
        ExecutionException cut = assertThrows(ExecutionException.class, () -> await(body));
        assertEquals(200, status.get(), "the head was relayed");
        assertTrue(cut.getCause().getMessage().contains("closed"), cut.getCause().toString());
    }

    /**
     * A client that reads nothing while the upstream has 256 MiB to send: the upstream's write
     * queue fills and stays full (it is paused), far from the end of the body, and this JVM's heap
     * (discovery-service runs in it) has not grown by anything like the body. Then the client
     * reads, and every byte arrives.
     */
    @Test
    void aClientThatDoesNotReadPausesTheUpstream() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setReceiveBufferSize(64 * 1024);
            sendRequest(socket, AGENT + "/v2/big");
            long written = awaitStalled();
            assertTrue(LoopbackUpstream.bigPauses.get() > 0, "the upstream never found its write queue full");
            assertFalse(LoopbackUpstream.bigDone.get(), "the whole body went out to a client that reads nothing");
            assertTrue(written < LoopbackUpstream.BIG / 4, "the upstream wrote " + written + " bytes");
            System.gc();
            long grown = memory.getHeapMemoryUsage().getUsed() - heapBefore;
            assertTrue(grown < 64L * 1024 * 1024, "the heap grew by " + grown + " bytes");

            InputStream in = socket.getInputStream();
            readUntil(in, "\r\n\r\n");
            byte[] buffer = new byte[256 * 1024];
            long body = 0;
            for (int n; body < LoopbackUpstream.BIG && (n = in.read(buffer)) > 0; ) {
                body += n;
            }
            assertEquals(LoopbackUpstream.BIG, body);
            assertTrue(LoopbackUpstream.bigDone.get());
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    /** Waits until the upstream's byte count stops moving (it is paused), and answers it. */
    private static long awaitStalled() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = LoopbackUpstream.bigWritten.get();
            if (now == last && now > 0) {
                return now;
            }
            last = now;
            Thread.sleep(1000);
        }
        throw new AssertionError("the upstream kept writing: " + last + " bytes");
    }

    private RequestOptions request(HttpMethod method, String path) {
        return new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(base.getPort()).setURI(path);
    }

    private Answer get(String path) throws Exception {
        return send(request(HttpMethod.GET, path), null);
    }

    /**
     * The whole answer. Vert.x drops body data that arrives before a handler claims it, so the body
     * is claimed in the event-loop task that sends the request, before any of the answer can be
     * handled. A stage chained on by the test thread instead ({@code request.compose(send)}, then
     * {@code .compose(body)}) comes too late when that thread is descheduled for a round trip
     * (a busy machine): the body is dropped, and asked for after the end it is empty.
     */
    private static Answer send(RequestOptions options, Buffer body) throws Exception {
        return await(CLIENT.request(options).compose(request -> (body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(b -> new Answer(response, b)))));
    }

    private static JsonObject echo(Answer answer) {
        assertEquals(200, answer.response().statusCode(), answer.body().toString());
        return answer.body().toJsonObject();
    }

    private record Answer(HttpClientResponse response, Buffer body) {
    }

    private static String first(JsonObject headers, String name) {
        return headers.getJsonArray(name) == null ? null : headers.getJsonArray(name).getString(0);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static void sendRequest(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads byte by byte until {@code marker} has been read. */
    private static void readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] tail = marker.getBytes(StandardCharsets.US_ASCII);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("ended before " + marker + ": " + seen);
            }
            seen.write(b);
            byte[] all = seen.toByteArray();
            if (all.length >= tail.length && java.util.Arrays.equals(all, all.length - tail.length, all.length,
                    tail, 0, tail.length)) {
                return;
            }
        }
    }
}
