package org.clusterlogs.logs.read;

import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import org.clusterlogs.logs.config.LogsConfig;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps waiting streams alive: one timer for all of them, not one each, asks every stream to
 * send its {@code : ping} once it has been quiet for the ping interval. A thousand idle
 * followers then cost a thousand small writes per interval and almost nothing else.
 */
@Singleton // not @ApplicationScoped: no client proxy on the per-entry paths
public class KeepAlive {

    private static final long MIN_TICK_MS = 50;
    private static final long MAX_TICK_MS = 1000;

    private final Set<Quiet> streams = ConcurrentHashMap.newKeySet();
    private final long intervalNanos;

    /** A stream that pings when it has been quiet for {@code nanos}. */
    @FunctionalInterface
    public interface Quiet {
        void pingIfQuietFor(long nanos);
    }

    public KeepAlive(Vertx vertx, LogsConfig config) {
        long intervalMs = config.pingInterval().toMillis();
        this.intervalNanos = intervalMs * 1_000_000L;
        // a ping is due between one interval and one interval plus a tick after the last write
        long tick = Math.max(MIN_TICK_MS, Math.min(MAX_TICK_MS, intervalMs / 4));
        vertx.setPeriodic(tick, id -> streams.forEach(s -> s.pingIfQuietFor(intervalNanos)));
    }

    /** Starts pinging {@code stream} when it is quiet; close the answer to stop. */
    public Registration add(Quiet stream) {
        streams.add(stream);
        return () -> streams.remove(stream);
    }

    /** What a stream holds to stop being pinged. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
