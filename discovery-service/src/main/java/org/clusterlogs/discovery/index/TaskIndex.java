package org.clusterlogs.discovery.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.discovery.config.DiscoveryConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The task index: the latest good snapshot of every configured source, combined into one
 * immutable view that a request reads with a single volatile load, never waiting for a
 * refresh. A source registers at start ({@link #expect}); the index is ready once every
 * registered source has published once. A failed refresh keeps that source's last good
 * snapshot: the failure is logged once per streak, counted, and shown by readiness as the
 * snapshot's age.
 */
@ApplicationScoped
public class TaskIndex {

    private static final Logger LOG = Logger.getLogger(TaskIndex.class);

    private final MeterRegistry registry;
    private final Clock clock;
    /** How long a client waits before asking again while the index is not ready: a Mesos refresh. */
    private final Duration retryAfter;
    /** Guarded by this; {@link #view} is recomputed under the same lock on every change. */
    private final Map<String, SourceStatus> sources = new LinkedHashMap<>();
    private volatile View view = new View(true, List.of());

    public TaskIndex(MeterRegistry registry, DiscoveryConfig config) {
        this.registry = registry;
        this.clock = Clock.systemUTC();
        this.retryAfter = config.mesos().refresh();
    }

    /** The snapshots of every source, or empty while one of them has never loaded. */
    public Optional<List<SourceSnapshot>> snapshots() {
        View current = view;
        return current.ready() ? Optional.of(current.snapshots()) : Optional.empty();
    }

    /** The snapshots of every source; while one has never loaded, the 503 that says so. */
    public List<SourceSnapshot> snapshotsOrFail() {
        return snapshots().orElseThrow(this::notReady);
    }

    /** The 503 of a request that came before the index was ready. */
    public IndexNotReadyException notReady() {
        return new IndexNotReadyException(retryAfter);
    }

    public boolean ready() {
        return view.ready();
    }

    /** Each source's status, by name, in registration order. */
    public synchronized Map<String, SourceStatus> status() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** How long ago {@code source} last loaded, or empty before its first load. */
    public synchronized Optional<Duration> age(String source) {
        SourceStatus status = sources.get(source);
        return status == null || status.loadedAt() == null ? Optional.empty()
                : Optional.of(Duration.between(status.loadedAt(), clock.instant()));
    }

    /** Registers a source: the index is not ready until it has published. */
    public void expect(String source) {
        synchronized (this) {
            if (sources.putIfAbsent(source, SourceStatus.EXPECTED) != null) {
                return;
            }
            recompute();
        }
        Gauge.builder("discovery.index.age", this, index -> index.age(source).map(Duration::toMillis)
                        .map(ms -> ms / 1000.0).orElse(Double.NaN))
                .description("Seconds since the source's last good refresh (NaN before the first)")
                .baseUnit("seconds").tag("source", source).register(registry);
        taskGauge(source, "running", snapshot -> snapshot.running().size());
        taskGauge(source, "completed", snapshot -> snapshot.completed().size());
    }

    /** A good refresh of {@code source}: its new snapshot replaces the old one at once. */
    public void publish(String source, SourceSnapshot snapshot) {
        SourceStatus before;
        synchronized (this) {
            before = sources.getOrDefault(source, SourceStatus.EXPECTED);
            sources.put(source, before.loaded(snapshot, clock.instant()));
            recompute();
        }
        if (before.failures() > 0) {
            LOG.infof("Task index: %s refreshed again after %d failed attempts", source, before.failures());
        }
    }

    /** A failed refresh of {@code source}: the last good snapshot stays. */
    public void failed(String source, String reason) {
        SourceStatus after;
        synchronized (this) {
            after = sources.getOrDefault(source, SourceStatus.EXPECTED).failed(reason);
            sources.put(source, after);
        }
        counter(source).increment();
        if (after.failures() == 1) {
            LOG.warnf("Task index: refreshing %s failed (%s); %s, and this is logged once until it succeeds", source,
                    reason, after.loaded() ? "its last good snapshot stays in use" : "the index is not ready");
        } else {
            LOG.debugf("Task index: refreshing %s failed again (%s)", source, reason);
        }
    }

    private void recompute() {
        List<SourceSnapshot> loaded = new ArrayList<>();
        boolean ready = true;
        for (SourceStatus status : sources.values()) {
            if (status.loaded()) {
                loaded.add(status.snapshot());
            } else {
                ready = false;
            }
        }
        view = new View(ready, List.copyOf(loaded));
    }

    private void taskGauge(String source, String group, ToIntFunction<SourceSnapshot> size) {
        Gauge.builder("discovery.index.tasks", this, index -> {
                    SourceStatus status = index.status().get(source);
                    return status == null || !status.loaded() ? 0 : size.applyAsInt(status.snapshot());
                })
                .description("Tasks in the source's last good snapshot").tag("source", source).tag("group", group)
                .register(registry);
    }

    private Counter counter(String source) {
        return Counter.builder("discovery.index.refresh.failures").description("Failed refreshes of a source")
                .tag("source", source).register(registry);
    }

    private record View(boolean ready, List<SourceSnapshot> snapshots) {
    }
}
