package org.clusterlogs.logs.read;

import jakarta.inject.Singleton;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.metrics.LogMetrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the log streams open at once, on the node and per client address, so that one client
 * (or a storm of them) gets a clear 503 instead of slowing every other stream to death. A
 * permit is taken before a stream starts and given back when it is released.
 */
@Singleton // not @ApplicationScoped: no client proxy on the per-entry paths
public class StreamLimiter {

    private final int perNode;
    private final int perClient;
    private final LogMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> byClient = new ConcurrentHashMap<>();

    public StreamLimiter(LogsConfig config, LogMetrics metrics) {
        this.perNode = config.maxStreams();
        this.perClient = config.maxStreamsPerClient();
        this.metrics = metrics;
    }

    /** A permit for one more stream of {@code client}, or null when a cap is reached. */
    public Permit tryAcquire(String client) {
        if (open.incrementAndGet() > perNode) {
            open.decrementAndGet();
            metrics.streamRefused();
            return null;
        }
        AtomicInteger mine = byClient.compute(client, (k, v) -> {
            AtomicInteger count = v == null ? new AtomicInteger() : v;
            count.incrementAndGet();
            return count;
        });
        if (mine.get() > perClient) {
            giveBack(client);
            metrics.streamRefused();
            return null;
        }
        return new Permit(client);
    }

    private void giveBack(String client) {
        open.decrementAndGet();
        byClient.computeIfPresent(client, (k, v) -> v.decrementAndGet() == 0 ? null : v);
    }

    /** One open stream's place; closing it more than once gives it back once. */
    public final class Permit implements AutoCloseable {
        private final String client;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Permit(String client) {
            this.client = client;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                giveBack(client);
            }
        }
    }
}
