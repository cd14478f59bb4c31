package org.clusterlogs.logs.api;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.follow.ChangeNotifier;
import org.clusterlogs.logs.metrics.LogMetrics;
import org.clusterlogs.logs.read.FileSender;
import org.clusterlogs.logs.read.FollowBatcher;
import org.clusterlogs.logs.read.KeepAlive;
import org.clusterlogs.logs.read.LogStream;
import org.clusterlogs.logs.read.ReadExecutor;
import org.clusterlogs.logs.read.ReadParams;
import org.clusterlogs.logs.read.StreamLimiter;
import org.clusterlogs.logs.read.format.EntryFormat;
import org.clusterlogs.logs.source.BadParameterException;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.SourceOpener;
import org.clusterlogs.logs.source.search.Grep;
import org.clusterlogs.logs.source.search.TimeBounds;
import org.clusterlogs.security.http.StreamAccess;

import java.time.Instant;
import java.util.List;

/** What every log route does once it knows its source: read the parameters, stream the answer. */
@ApplicationScoped
public class LogResponder {

    private final LogStream.Deps deps;
    private final ProblemResponder problems;
    private final StreamLimiter limiter;
    private final long retryAfterSeconds;
    private final FileSender fileSender;
    private final StreamAccess access;
    private final Vertx vertx;

    public LogResponder(ReadExecutor executor, ChangeNotifier notifier, LogMetrics metrics, KeepAlive keepAlive,
                        FollowBatcher batcher, LogsConfig config, ProblemResponder problems, StreamLimiter limiter,
                        FileSender fileSender, StreamAccess access, Vertx vertx) {
        this.vertx = vertx;
        this.fileSender = fileSender;
        this.access = access;
        this.deps = new LogStream.Deps(executor, notifier, metrics, keepAlive, batcher);
        this.problems = problems;
        this.limiter = limiter;
        this.retryAfterSeconds = Math.max(1, config.streamsRetryAfter().toSeconds());
    }

    /**
     * Streams the log {@code opener} finds, as the request asks (filters and search, position by
     * parameters, format by Accept). Finding and reading happen on the read threads; a
     * malformed parameter, or a failure before the first byte, is a problem response. The
     * follow (SSE) ends when the caller's token expires or its permission goes ({@link StreamAccess}),
     * or, with {@code until}, once the wall clock is past it and what was written until then is
     * sent; a range ends by itself.
     */
    public void respond(RoutingContext rc, SourceOpener opener) {
        FieldFilter filter;
        ReadParams params;
        try {
            Instant now = Instant.now(); // relative ages count from the request's start, once
            filter = FieldFilter.parse(rc.queryParam("filter")).searching(Grep.parse(first(rc, "grep")),
                    TimeBounds.parse(first(rc, "since"), first(rc, "until"), now));
            params = ReadParams.parse(first(rc, "cursor"), first(rc, "skip"), first(rc, "limit"),
                    rc.request().getHeader("Last-Event-ID"));
        } catch (BadParameterException e) {
            problems.fail(rc, e);
            return;
        }
        StreamLimiter.Permit permit = limiter.tryAcquire(rc.request().remoteAddress().host());
        if (permit == null) {
            rc.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
            problems.send(rc.response(), Problem.of(503, "TooManyStreams",
                    "this node serves as many log streams as it is configured to; try again later",
                    ProblemResponder.instance(rc)));
            return;
        }
        EntryFormat format = EntryFormat.forAccept(rc.request().getHeader("Accept"));
        LogStream.Client client = new LogStream.Client(rc.response(), fileSender.link(rc.request()),
                e -> problems.fail(rc, e), permit);
        LogStream stream = new LogStream(client, opener, filter, params, format, deps);
        if (format.follows()) {
            // a follow never ends by itself: it ends when its caller may no longer read (a range ends anyway)
            StreamAccess.Watch watch = access.watch(rc, stream::endNow);
            rc.addEndHandler(done -> watch.close());
            if (filter.time().hasUntil()) {
                endAtUntil(rc, stream, filter.time());
            }
        }
        stream.start();
    }

    /**
     * A follower with {@code until} ends (cleanly) when the wall clock passes it and it has read
     * what the log holds then; entries at or after {@code until} are never sent anyway.
     */
    private void endAtUntil(RoutingContext rc, LogStream stream, TimeBounds time) {
        long delayMs = Math.floorDiv(time.untilNanos(), 1_000_000L) - System.currentTimeMillis() + 1;
        long timer = vertx.setTimer(Math.max(1, delayMs), id -> stream.endWhenCaughtUp());
        rc.addEndHandler(done -> vertx.cancelTimer(timer));
    }

    private static String first(RoutingContext rc, String name) {
        List<String> values = rc.queryParam(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
