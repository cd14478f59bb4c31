package org.clusterlogs.messagelogging.syslog;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waits for a Vert.x future on a destination's writer thread (never on an event loop). */
final class VertxAwait {

    private VertxAwait() {
    }

    static <T> T await(Future<T> future, Duration timeout) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
