package org.clusterlogs.policy.deployments;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.policy.config.PolicyConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The long poll of the deployed set: a caller that knows version {@code v} of an environment waits
 * until it changes or the time is up. A change made through this process wakes it at once
 * ({@link #changed}); one made through another replica is found by looking at the store every
 * {@code policy.long-poll-check} (the first look also catches a change made between the caller's
 * read and its wait).
 */
@ApplicationScoped
public class DeploymentWatch {

    private final Vertx vertx;
    private final DeploymentRepository repository;
    private final long checkMillis;
    private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();

    public DeploymentWatch(Vertx vertx, DeploymentRepository repository, PolicyConfig config) {
        this.vertx = vertx;
        this.repository = repository;
        this.checkMillis = Math.max(50, config.longPollCheck().toMillis());
    }

    /** The environment's version once it differs from {@code known}, or {@code known} after {@code max}. */
    public Uni<Long> awaitChange(String environment, long known, Duration max) {
        return Uni.createFrom().emitter(emitter -> {
            Waiter waiter = new Waiter(environment, known, emitter);
            waiting.computeIfAbsent(environment, e -> ConcurrentHashMap.newKeySet()).add(waiter);
            waiter.deadline = vertx.setTimer(Math.max(1, max.toMillis()), t -> waiter.finish(known));
            waiter.check = vertx.setPeriodic(checkMillis, t -> vertx.executeBlocking(
                    () -> repository.version(environment), false).onSuccess(waiter::seen));
            emitter.onTermination(waiter::forget);
        });
    }

    /** Wakes the callers waiting on {@code environment}: its version is now {@code version}. */
    public void changed(String environment, long version) {
        Set<Waiter> waiters = waiting.get(environment);
        if (waiters != null) {
            waiters.forEach(w -> w.seen(version));
        }
    }

    /** One waiting caller: answered once, by a change, or by its deadline. */
    private final class Waiter {
        private final String environment;
        private final long known;
        private final UniEmitter<? super Long> emitter;
        private final AtomicBoolean answered = new AtomicBoolean();
        private volatile long deadline;
        private volatile long check;

        Waiter(String environment, long known, UniEmitter<? super Long> emitter) {
            this.environment = environment;
            this.known = known;
            this.emitter = emitter;
        }

        void seen(long version) {
            if (version != known) {
                finish(version);
            }
        }

        void finish(long version) {
            if (answered.compareAndSet(false, true)) {
                forget();
                emitter.complete(version);
            }
        }

        void forget() {
            Set<Waiter> waiters = waiting.get(environment);
            if (waiters != null) {
                waiters.remove(this);
            }
            vertx.cancelTimer(deadline);
            vertx.cancelTimer(check);
        }
    }
}
