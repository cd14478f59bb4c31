package org.clusterlogs.discovery.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.config.DiscoveryConfig;
import org.jboss.logging.Logger;

/**
 * A reverse proxy for one request, on Vert.x' HTTP client and the event loop: the request goes
 * upstream with its method, the {@link ProxyHeaders} rules and its body streamed; the answer
 * comes back with its status and end-to-end headers, and its body is piped to the client as it
 * arrives. Nothing is buffered beyond the two connections' write queues: when the client reads
 * slower than the upstream writes, the pipe pauses the upstream response (Vert.x then stops
 * reading its socket, and TCP pushes back on the upstream), so memory stays bounded per stream
 * whatever the file's size; a Server-Sent Events stream reaches the client event by event.
 *
 * <p>Endings: a client that goes away resets the upstream request at once (the node's
 * log-service ends its stream); an upstream that cannot be reached or fails before its answer is
 * a 502 problem; one that fails after its answer began closes the client's connection, so the
 * client sees a cut response, never a clean end or a "200 then 502". Time-outs:
 * {@code discovery.proxy.connect-timeout} to connect, {@code discovery.proxy.idle-timeout} of
 * silence from the upstream.
 */
@ApplicationScoped
public class StreamProxy {

    private static final Logger LOG = Logger.getLogger(StreamProxy.class);

    private final HttpClient client;
    private final ProxyProblems problems;
    private final ProxyMetrics metrics;
    private final long connectTimeoutMillis;
    private final long idleTimeoutMillis;

    public StreamProxy(Vertx vertx, DiscoveryConfig config, ProxyProblems problems, ProxyMetrics metrics) {
        DiscoveryConfig.Proxy proxy = config.proxy();
        this.connectTimeoutMillis = proxy.connectTimeout().toMillis();
        this.idleTimeoutMillis = proxy.idleTimeout().toMillis();
        this.client = upstreamClient(vertx, proxy);
        this.problems = problems;
        this.metrics = metrics;
    }

    /**
     * A client to upstreams with the proxy's connect time-out and pool size. Decompression stays
     * off: the bytes go through as the upstream encoded them. Body chunks of up to 64 KiB, not
     * Vert.x' 8 KiB: a 1 GiB download is 16 384 writes instead of 131 072.
     */
    public static HttpClient upstreamClient(Vertx vertx, DiscoveryConfig.Proxy proxy) {
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxChunkSize(65_536)
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, proxy.connectTimeout().toMillis())),
                new PoolOptions().setHttp1MaxSize(proxy.maxConnectionsPerUpstream()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Carries the request of {@code rc} to {@code upstream} and its answer back. */
    public void forward(RoutingContext rc, ProxyFamily family, Upstream upstream) {
        HttpServerRequest in = rc.request();
        in.pause(); // no body byte may be lost while the upstream connection is made
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.https())
                .setURI(upstream.requestTarget())
                .setHeaders(ProxyHeaders.towardsUpstream(in.headers(), peer(in), in.scheme(), authority(in)))
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(idleTimeoutMillis);
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                in.resume();
                failedBeforeAnswer(rc, family, upstream, opened.cause());
                return;
            }
            HttpClientRequest out = opened.result();
            if (rc.response().closed()) {
                out.reset();
                return;
            }
            // the client gone before the end: drop the upstream request (and its connection) now
            rc.addEndHandler(ended -> {
                if (!rc.response().ended()) {
                    out.reset();
                }
            });
            if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
                // the upstream is reached: let the client send its body (Expect stays on this hop)
                rc.response().writeContinue();
            }
            Future<HttpClientResponse> answer;
            if (hasBody(in)) {
                answer = out.send(in);
            } else {
                in.resume();
                answer = out.send();
            }
            // claimed in this task, which runs on out's context: the answer is handled there only after
            // it, so relay's pipe is attached before any body byte (Vert.x drops unclaimed data)
            answer.onComplete(answered -> {
                if (answered.failed()) {
                    failedBeforeAnswer(rc, family, upstream, answered.cause());
                } else {
                    relay(rc, family, upstream, out, answered.result());
                }
            });
        });
    }

    private void relay(RoutingContext rc, ProxyFamily family, Upstream upstream, HttpClientRequest out,
                       HttpClientResponse answer) {
        HttpServerResponse response = rc.response();
        if (response.closed()) {
            out.reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        if (answer.statusMessage() != null) {
            response.setStatusMessage(answer.statusMessage());
        }
        response.headers().addAll(ProxyHeaders.towardsClient(answer.headers()));
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(rc.request(), answer)
                && rc.request().version() != HttpVersion.HTTP_1_0) {
            response.setChunked(true);
        }
        metrics.answered(family, answer.statusCode());
        metrics.streamOpened();
        answer.pipe().endOnFailure(false).to(response).onComplete(piped -> {
            metrics.streamClosed();
            if (piped.failed()) {
                if (!response.closed()) {
                    UpstreamFailure.Kind kind = UpstreamFailure.kindOf(piped.cause());
                    metrics.upstreamFailed(family, kind);
                    LOG.debugf("%s at %s %s while relaying %s: closing the client's connection", upstream.name(),
                            upstream.authority(), kind.says(), rc.request().path());
                    response.reset();
                }
                out.reset();
            }
        });
    }

    /** Nothing of the answer has gone to the client yet: a 502 problem, unless the client has left. */
    private void failedBeforeAnswer(RoutingContext rc, ProxyFamily family, Upstream upstream, Throwable cause) {
        if (rc.response().closed()) {
            return; // the client left first: the upstream failed because it was reset
        }
        UpstreamFailure.Kind kind = UpstreamFailure.kindOf(cause);
        metrics.upstreamFailed(family, kind);
        LOG.debugf("%s at %s %s (%s)", upstream.name(), upstream.authority(), kind.says(), cause.toString());
        problems.send(rc, family, new ProblemException(502, "UpstreamUnreachable",
                upstream.name() + " at " + upstream.authority() + " " + kind.says()));
    }

    /** A request with a body: a length above zero, a chunked one, or HTTP/2 data still to come. */
    private static boolean hasBody(HttpServerRequest in) {
        if (in.version() == HttpVersion.HTTP_2) {
            return !in.isEnded();
        }
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0") || in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean mayHaveBody(HttpServerRequest in, HttpClientResponse answer) {
        int status = answer.statusCode();
        return in.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    /** The address of the peer this connection comes from (not anything a header claims). */
    private static String peer(HttpServerRequest in) {
        SocketAddress address = in.connection().remoteAddress();
        return address == null ? "unknown" : address.hostAddress() != null ? address.hostAddress() : address.host();
    }

    private static String authority(HttpServerRequest in) {
        HostAndPort authority = in.authority();
        if (authority == null) {
            return null;
        }
        return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
    }
}
