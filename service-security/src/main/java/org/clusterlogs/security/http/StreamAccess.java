package org.clusterlogs.security.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.clusterlogs.security.Caller;
import org.clusterlogs.security.config.AuthConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a long response (a log stream, a follow) honest after it was allowed: it ends when the
 * caller's token expires (a timer at {@code exp}) or when the caller is no longer allowed (every
 * open stream is decided again each {@code auth.stream-recheck}, through the decision cache; a
 * decision that cannot be had ends it too: fail closed). The service ends the stream cleanly, so
 * the client logs in again and resumes where it was.
 */
@Singleton
public class StreamAccess {

    private static final Logger LOG = Logger.getLogger(StreamAccess.class);
    private static final Watch NONE = () -> { };

    private final Vertx vertx;
    private final Authorizer authorizer;
    private final AuthMetrics metrics;
    private final Duration recheck;
    private final Set<Watched> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean ticking = new AtomicBoolean();

    public StreamAccess(Vertx vertx, Authorizer authorizer, AuthMetrics metrics, AuthConfig config) {
        this.vertx = vertx;
        this.authorizer = authorizer;
        this.metrics = metrics;
        this.recheck = config.streamRecheck();
    }

    /** Something to close when the stream is over, so it is watched no longer. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Watches the caller of {@code rc} while its response streams; {@code end} runs at most once,
     * from a timer thread, when the stream must end. Nothing to watch (authentication off, a
     * public path): a watch that does nothing.
     */
    public Watch watch(RoutingContext rc, Runnable end) {
        Caller caller = rc.get(Caller.KEY);
        RouteRules.Rule rule = rc.get(AuthFilter.RULE_KEY);
        if (caller == null || rule == null) {
            return NONE;
        }
        startTicking();
        AuditLog.Request seen = new AuditLog.Request(rc.request().remoteAddress() == null ? "-"
                : rc.request().remoteAddress().host(), rc.request().uri());
        Watched watched = new Watched(caller, rule, seen, end);
        long untilExpiry = Math.max(1, Duration.between(Instant.now(), caller.expiresAt()).toMillis());
        watched.expiryTimer = vertx.setTimer(untilExpiry, id -> watched.end("expired"));
        open.add(watched);
        return watched;
    }

    private void startTicking() {
        if (ticking.compareAndSet(false, true)) {
            vertx.setPeriodic(Math.max(100, recheck.toMillis()), id -> open.forEach(this::recheck));
        }
    }

    private void recheck(Watched watched) {
        if (!Instant.now().isBefore(watched.caller.expiresAt())) {
            watched.end("expired");
            return;
        }
        authorizer.allows(watched.caller, watched.rule, watched.seen).subscribe().with(
                allowed -> {
                    if (!allowed) {
                        watched.end("revoked");
                    }
                },
                failure -> watched.end("unavailable"));
    }

    private final class Watched implements Watch {
        private final Caller caller;
        private final RouteRules.Rule rule;
        private final AuditLog.Request seen;
        private final Runnable end;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile long expiryTimer = -1;

        Watched(Caller caller, RouteRules.Rule rule, AuditLog.Request seen, Runnable end) {
            this.caller = caller;
            this.rule = rule;
            this.seen = seen;
            this.end = end;
        }

        void end(String reason) {
            if (over.compareAndSet(false, true)) {
                close();
                metrics.streamEnded(reason);
                LOG.infof("ending the stream %s of %s: %s", seen.uri(), caller.uid(), reason);
                end.run();
            }
        }

        @Override
        public void close() {
            over.set(true);
            open.remove(this);
            vertx.cancelTimer(expiryTimer);
        }
    }
}
