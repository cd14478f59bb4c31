package org.clusterlogs.discovery.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the proxy does, for Prometheus: {@code discovery_proxy_requests_total{family,status}} (every
 * answer relayed, and the proxy's own problems; the auth filter's refusals come before the proxy
 * and are counted by the auth module), {@code discovery_proxy_streams_open} (responses being
 * relayed right now: a live log stream stays in it until one side ends), and
 * {@code discovery_proxy_upstream_errors_total{family,kind}} ({@link UpstreamFailure.Kind}).
 */
@ApplicationScoped
public class ProxyMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger open = new AtomicInteger();

    public ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("discovery.proxy.streams.open", open);
    }

    /** An answer with {@code status} went (or began to go) to the client. */
    public void answered(ProxyFamily family, int status) {
        registry.counter("discovery.proxy.requests", "family", family.tag(), "status", Integer.toString(status))
                .increment();
    }

    public void streamOpened() {
        open.incrementAndGet();
    }

    public void streamClosed() {
        open.decrementAndGet();
    }

    public void upstreamFailed(ProxyFamily family, UpstreamFailure.Kind kind) {
        registry.counter("discovery.proxy.upstream.errors", "family", family.tag(), "kind", kind.tag()).increment();
    }
}
