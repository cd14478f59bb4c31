package org.clusterlogs.discovery.merged;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.discovery.config.DiscoveryConfig;
import org.clusterlogs.discovery.proxy.StreamProxy;

/**
 * The merged streams' HTTP client to the nodes' log-services: one read of one source, with the
 * caller's {@code Authorization} and cookies (so each node checks the caller's own permission on
 * that task, as it does behind the agent proxy) and the proxy's time-outs. A pool of its own,
 * apart from the proxy's: a merged follow holds one connection per source for as long as it runs.
 */
@ApplicationScoped
public class NodeLogClient {

    private final HttpClient client;
    private final long connectTimeoutMillis;
    private final long idleTimeoutMillis;

    public NodeLogClient(Vertx vertx, DiscoveryConfig config) {
        DiscoveryConfig.Proxy proxy = config.proxy();
        this.connectTimeoutMillis = proxy.connectTimeout().toMillis();
        this.idleTimeoutMillis = proxy.idleTimeout().toMillis();
        this.client = StreamProxy.upstreamClient(vertx, proxy);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Opens a GET of {@code source}'s log with {@code positioning} added to its query.
     *
     * @param caller the caller's request headers: its token and cookies go along
     */
    public Future<HttpClientRequest> open(MergedSource source, String positioning, String accept, MultiMap caller) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(source.upstream().host()).setPort(source.upstream().port())
                .setSsl(source.upstream().https()).setURI(source.target(positioning))
                .putHeader(HttpHeaders.ACCEPT, accept)
                .setConnectTimeout(connectTimeoutMillis).setIdleTimeout(idleTimeoutMillis);
        for (CharSequence name : new CharSequence[] {HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE}) {
            for (String value : caller.getAll(name)) {
                options.addHeader(name, value);
            }
        }
        return client.request(options);
    }
}
