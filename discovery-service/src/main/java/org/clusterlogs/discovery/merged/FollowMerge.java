package org.clusterlogs.discovery.merged;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.config.DiscoveryConfig;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A merged follow (Server-Sent Events): one upstream event stream per source, each entry
 * forwarded as it arrives with an {@code id:} that holds every source's last cursor
 * ({@link MergedCursor}), so a client that reconnects with {@code Last-Event-ID} resumes every
 * source right after its last entry, and a source the id does not hold starts at its beginning
 * (nothing it wrote is lost).
 *
 * <p>Named events {@code event: source} say what happens to the set: {@code added} (every source
 * at the start, and a task that starts matching, found by asking the index again every
 * {@code discovery.merged.requery}), {@code ended} (its task is over: its SSE is dropped and the
 * rest of its log read as a range from its last cursor, then this), {@code lost} (its node
 * refused or dropped the connection, answered 5xx or 404) and {@code rejoined} (the retry, with
 * back-off up to {@code discovery.merged.retry-max-backoff}, from its last cursor, was answered),
 * {@code forbidden} (the node refused the caller's token for that task: the source is dropped,
 * the others go on). {@code : ping} when nothing was written for {@code discovery.merged.ping-interval}.
 * The client's back-pressure pauses every source; the client leaving resets every upstream.
 */
final class FollowMerge {

    private static final Logger LOG = Logger.getLogger(FollowMerge.class);
    private static final long FIRST_RETRY_MILLIS = 250;

    private final RoutingContext rc;
    private final Vertx vertx;
    private final MergedRequest request;
    private final TaskQuery query;
    private final SourceSelector selector;
    private final NodeLogClient client;
    private final ObjectMapper mapper;
    private final DiscoveryConfig.Merged config;
    private final Optional<MergedCursor> resumed;
    private final Map<String, Follower> followers = new LinkedHashMap<>();
    /** Every source's last cursor, by its task id's key: what each id carries. */
    private final Map<Long, String> cursors = new LinkedHashMap<>();
    private final SseOutput out;
    private long requeryTimer = -1;
    private long pingTimer = -1;
    private long untilTimer = -1;
    private boolean over;

    FollowMerge(RoutingContext rc, MergedRequest request, TaskQuery query, SourceSelector selector,
                NodeLogClient client, ObjectMapper mapper, DiscoveryConfig.Merged config) {
        this.rc = rc;
        this.vertx = rc.vertx();
        this.request = request;
        this.query = query;
        this.selector = selector;
        this.client = client;
        this.mapper = mapper;
        this.config = config;
        this.resumed = MergedCursor.isMerged(request.cursor())
                ? Optional.of(MergedCursor.decode(request.cursor())) : Optional.empty();
        this.out = new SseOutput(rc.response(), mapper, this::pauseSources);
    }

    void start(Map<String, MergedSource> sources) {
        sources.values().forEach(source -> follower(source, false));
        rc.response().closeHandler(closed -> stop());
        List<Follower> first = List.copyOf(followers.values());
        first.forEach(f -> f.reader = reader(f));
        Opening.all(first.stream().map(f -> f.reader).toList(), reader -> positioning(followers.get(
                reader.source().task().id())), rc.request().headers()).onSuccess(answers -> {
            if (over) {
                return;
            }
            Optional<Opening.Answer> refusal = Opening.refusal(answers);
            if (refusal.isPresent()) {
                over = true;
                answers.stream().filter(a -> a != refusal.get()).forEach(a -> a.reader().cancel());
                Opening.relay(refusal.get(), rc.response());
                return;
            }
            HttpServerResponse response = rc.response().setStatusCode(200).setChunked(true);
            MergedFormat.SSE.putHeaders(response);
            first.forEach(f -> out.source(f, "added"));
            if (first.isEmpty()) {
                out.ping(); // the head now: the client knows the stream is open
            }
            for (int i = 0; i < first.size(); i++) {
                answered(first.get(i), answers.get(i));
            }
            requeryTimer = vertx.setPeriodic(config.requery().toMillis(), t -> requery());
            request.until().ifPresent(until -> untilTimer = vertx.setTimer(
                    Math.max(1, Duration.between(Instant.now(), until).toMillis() + 1), t -> finishAtUntil()));
            pingTimer = vertx.setPeriodic(config.pingInterval().toMillis(), t -> out.pingIfQuiet());
        });
    }

    /**
     * A new source: one that joined while the stream ran, or that a resumed id does not hold,
     * starts at its beginning (nothing it wrote is lost); the others where the request says.
     */
    private Follower follower(MergedSource source, boolean joined) {
        String id = source.task().id();
        String start = joined || resumed.isPresent() ? "cursor=BEG"
                : request.limit() > 0 ? "cursor=END&skip=-" + request.limit()
                : request.cursor().equals("END") ? "cursor=END" : "cursor=BEG";
        String cursor = resumed.map(m -> m.cursorOf(id)).orElse(null);
        Follower f = new Follower(source, start, cursor);
        f.draining = source.task().completed();
        if (cursor != null) {
            cursors.put(f.key, cursor);
        }
        followers.put(id, f);
        return f;
    }

    private SourceReader reader(Follower f) {
        return new SourceReader(f.source, client, mapper, !f.draining);
    }

    private String positioning(Follower f) {
        return f.cursor == null ? f.start : "cursor=" + URLEncoder.encode(f.cursor, StandardCharsets.UTF_8);
    }

    private void connect(Follower f) {
        f.retryTimer = -1;
        if (over || !f.active()) {
            return;
        }
        SourceReader reader = reader(f);
        f.reader = reader;
        reader.open(positioning(f), rc.request().headers()).onComplete(opened -> answered(f, opened.succeeded()
                ? new Opening.Answer(reader, opened.result(), null) : new Opening.Answer(reader, null, opened.cause())));
    }

    private void answered(Follower f, Opening.Answer answer) {
        if (over || !f.active() || answer.reader() != f.reader) {
            answer.reader().cancel();
            return;
        }
        if (answer.ok()) {
            f.attempts = 0;
            if (f.lost) {
                f.lost = false;
                out.source(f, "rejoined");
            }
            stream(f);
        } else if (answer.forbidden()) {
            f.reader.cancel();
            f.state = Follower.State.FORBIDDEN;
            out.source(f, "forbidden");
        } else if (f.draining && answer.status() != null && answer.status() == 204) {
            end(f);
        } else {
            LOG.debugf("merged follow: %s", answer.what());
            lost(f);
        }
    }

    private void stream(Follower f) {
        SourceReader reader = f.reader;
        reader.stream(new SourceReader.Listener() {
            @Override
            public void entry(MergedEntry entry) {
                deliver(f, entry);
            }

            @Override
            public void ended() {
                if (reader != f.reader) {
                    return;
                }
                if (f.draining || request.untilPassed(Instant.now())) {
                    end(f); // its task is over, or the node ended the follow at until
                } else {
                    lost(f); // a follow never ends by itself: the node is going away
                }
            }

            @Override
            public void failed(Throwable cause) {
                if (reader == f.reader) {
                    LOG.debugf("merged follow: %s failed (%s)", f.source.upstream().authority(), cause.toString());
                    lost(f);
                }
            }
        });
        if (out.paused()) {
            reader.pause();
        }
    }

    private void deliver(Follower f, MergedEntry entry) {
        if (over || !f.active()) {
            return;
        }
        f.cursor = entry.cursor();
        cursors.put(f.key, entry.cursor());
        out.entry(entry, MergedCursor.encodeByKey(cursors));
    }

    /** The node is away: say so once per absence, and ask again after a back-off from the last cursor. */
    private void lost(Follower f) {
        if (f.reader != null) {
            f.reader.cancel();
        }
        if (over || !f.active()) {
            return;
        }
        if (!f.lost) {
            f.lost = true;
            out.source(f, "lost");
        }
        long delay = Math.min(FIRST_RETRY_MILLIS << Math.min(f.attempts, 16), config.retryMaxBackoff().toMillis());
        f.attempts++;
        f.retryTimer = vertx.setTimer(Math.max(1, delay), t -> connect(f));
    }

    private void end(Follower f) {
        f.reader.cancel();
        f.state = Follower.State.ENDED;
        out.source(f, "ended");
        finishAtUntil();
    }

    /**
     * With {@code until}: once it has passed and every source has ended (each node ends its follow
     * when its clock passes until, after what its log held then), the merged follow ends too.
     */
    private void finishAtUntil() {
        if (over || !request.untilPassed(Instant.now()) || followers.values().stream().anyMatch(Follower::active)) {
            return;
        }
        stop();
        rc.response().end();
    }

    /** New matching tasks join; tasks that are over are read to their end. */
    private void requery() {
        if (over) {
            return;
        }
        Map<String, MergedSource> now;
        try {
            now = selector.select(request, query, false);
        } catch (ProblemException e) {
            return; // the index is not ready again: try at the next tick
        }
        for (MergedSource source : now.values()) {
            if (!followers.containsKey(source.task().id())) {
                Follower f = follower(source, true);
                out.source(f, "added");
                connect(f);
            }
        }
        for (Follower f : List.copyOf(followers.values())) {
            if (f.active() && !f.draining && selector.over(f.taskId())) {
                f.draining = true;
                if (f.retryTimer < 0) {
                    f.reader.cancel();
                    connect(f);
                }
            }
        }
    }

    private void pauseSources(boolean pause) {
        for (Follower f : followers.values()) {
            if (f.reader != null) {
                if (pause) {
                    f.reader.pause();
                } else {
                    f.reader.resume();
                }
            }
        }
    }

    private void stop() {
        over = true;
        out.close();
        vertx.cancelTimer(requeryTimer);
        vertx.cancelTimer(pingTimer);
        vertx.cancelTimer(untilTimer);
        for (Follower f : followers.values()) {
            if (f.retryTimer >= 0) {
                vertx.cancelTimer(f.retryTimer);
            }
            if (f.reader != null) {
                f.reader.cancel();
            }
        }
    }
}
