package org.clusterlogs.security.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * What the security filter did, for Prometheus: decisions by result, the decision cache's hits
 * and misses, streams ended by an expired token or a revoked permission.
 */
@Singleton
public class AuthMetrics {

    private final MeterRegistry registry;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    public AuthMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.cacheHits = cache(registry, "hit");
        this.cacheMisses = cache(registry, "miss");
    }

    private static Counter cache(MeterRegistry registry, String result) {
        return Counter.builder("auth.decision.cache").tag("result", result)
                .description("Permission decisions answered from the cache (hit) or asked of auth-service (miss)")
                .register(registry);
    }

    /** @param result allow, deny, unauthenticated, csrf or unavailable */
    public void decision(String result) {
        Counter.builder("auth.decisions").tag("result", result)
                .description("Requests decided by the security filter, by result").register(registry).increment();
    }

    public void decisionCache(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    /** @param reason expired, revoked or unavailable */
    public void streamEnded(String reason) {
        Counter.builder("auth.streams.ended").tag("reason", reason)
                .description("Open streams ended because their caller was no longer allowed").register(registry)
                .increment();
    }
}
