package org.clusterlogs.logs.read;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that read logs. File and journalctl reads block, so they stay off the event
 * loop; a stream holds a thread only while it has something to read, never while it waits.
 */
@Singleton // not @ApplicationScoped: no client proxy on the per-entry paths
public class ReadExecutor implements Executor {

    private final ExecutorService pool;

    public ReadExecutor() {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "log-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
