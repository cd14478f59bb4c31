package org.clusterlogs.discovery.index.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One shared informer on pods, started without blocking the service's start: while the API
 * server cannot be listed the informer is not synced (the index not ready), and a start that
 * failed is tried again, at most once per {@link #RETRY}. Once synced, the Kubernetes Client
 * keeps the watch going by itself.
 */
final class PodInformer {

    static final Duration RETRY = Duration.ofSeconds(10);

    private final String what;
    private final Supplier<Informable<Pod>> pods;
    private final ResourceEventHandler<Pod> handler;
    private SharedIndexInformer<Pod> informer;
    private CompletableFuture<Void> started;
    private long lastStart;

    /**
     * @param what    what it watches, for the log
     * @param pods    the pods to inform on (namespace, selector)
     * @param handler told of every change
     */
    PodInformer(String what, Supplier<Informable<Pod>> pods, ResourceEventHandler<Pod> handler) {
        this.what = what;
        this.pods = pods;
        this.handler = handler;
    }

    /** Starts it, or starts it again after a failed start once {@link #RETRY} has passed; on the refresh thread. */
    void ensureStarted() {
        boolean failed = started != null && started.isCompletedExceptionally();
        if (informer != null && !failed) {
            return;
        }
        if (informer != null && System.nanoTime() - lastStart < RETRY.toNanos()) {
            return;
        }
        if (informer != null) {
            informer.close();
        }
        lastStart = System.nanoTime();
        informer = pods.get().runnableInformer(0);
        informer.addEventHandler(handler);
        started = informer.start().toCompletableFuture();
    }

    /** Why the last start failed; null when it did not. */
    String failure() {
        if (started == null || !started.isCompletedExceptionally()) {
            return null;
        }
        try {
            started.join();
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return what + ": " + cause.getMessage();
        }
    }

    boolean synced() {
        return informer != null && informer.hasSynced();
    }

    List<Pod> pods() {
        return informer.getStore().list();
    }

    void close() {
        if (informer != null) {
            informer.close();
        }
    }
}
