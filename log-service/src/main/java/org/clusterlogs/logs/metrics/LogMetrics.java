package org.clusterlogs.logs.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/** Prometheus metrics of log serving: open streams, bytes and lines served, read errors, refused paths. */
@Startup // registered at start, so the metrics exist before the first request
@Singleton // not @ApplicationScoped: no client proxy on the per-entry paths
public class LogMetrics {

    private final AtomicInteger openStreams = new AtomicInteger();
    private final Counter bytesServed;
    private final Counter linesServed;
    private final Counter readErrors;
    private final Counter pathsRefused;
    private final Counter streamsRefused;

    public LogMetrics(MeterRegistry registry) {
        registry.gauge("logs_streams_open", openStreams);
        bytesServed = Counter.builder("logs_served_bytes").description("Response bytes of log content")
                .register(registry);
        linesServed = Counter.builder("logs_served_lines").description("Log entries served")
                .register(registry);
        readErrors = Counter.builder("logs_read_errors").description("Reads that failed on the server side")
                .register(registry);
        pathsRefused = Counter.builder("logs_paths_refused")
                .description("Opens refused because a link would leave the log root").register(registry);
        streamsRefused = Counter.builder("logs_streams_refused")
                .description("Requests refused with 503 because a stream cap was reached").register(registry);
    }

    public void streamOpened() {
        openStreams.incrementAndGet();
    }

    public void streamClosed() {
        openStreams.decrementAndGet();
    }

    public void served(long entries, long bytes) {
        linesServed.increment(entries);
        bytesServed.increment(bytes);
    }

    public void readError() {
        readErrors.increment();
    }

    public void pathRefused() {
        pathsRefused.increment();
    }

    public void streamRefused() {
        streamsRefused.increment();
    }
}
