package org.clusterlogs.security.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the security filter did, for Prometheus: decisions by result, the decision cache's hits
 * and misses, streams ended by an expired token or a revoked permission.
 */
@Singleton
public class AuthMetrics {

    private final MeterRegistry registry;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    /** By result: looked up once, not built and registered on every request. */
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();

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
        decisions.computeIfAbsent(result, r -> Counter.builder("auth.decisions").tag("result", r)
                .description("Requests decided by the security filter, by result").register(registry)).increment();
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
