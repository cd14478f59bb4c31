package org.clusterlogs.discovery.merged;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.api.RouteProblems;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A merged range read (text or NDJSON): every source read as NDJSON from its node at once and
 * merged in {@link EntryMerge} order as the entries come. Memory stays bounded: a source whose
 * queue holds {@link #HIGH} entries is paused (its node then waits on TCP), and the client's
 * write queue pauses the merge. With {@code limit=N} each node sends its last N
 * ({@code cursor=END&skip=-N}) and the merged last N are kept in a ring of N until every
 * source has ended.
 *
 * <p>Before anything is written every node must have answered: a parameter one refuses is the
 * whole answer (its status and problem); a source the caller may not read (403) or whose file
 * does not exist (404) is left out; a node that cannot be reached is a 502, since a range that
 * silently misses a task would look complete. A node failing after the answer began cuts the
 * client's transfer, as the agent proxy does.
 */
final class RangeMerge {

    private static final Logger LOG = Logger.getLogger(RangeMerge.class);
    static final int HIGH = 256;
    private static final int LOW = 64;
    private static final int BATCH = 512;

    private final RoutingContext rc;
    private final MergedRequest request;
    private final MergedFormat format;
    private final ObjectMapper mapper;
    private final RouteProblems problems;
    private final List<SourceReader> readers = new ArrayList<>();
    private final Map<String, String> prefixes;
    private List<SourceReader> streaming;
    private EntryMerge<MergedEntry> merge;
    private ArrayDeque<MergedEntry> lastN;
    private boolean over;

    RangeMerge(RoutingContext rc, MergedRequest request, Map<String, MergedSource> sources, MergedFormat format,
               NodeLogClient client, ObjectMapper mapper, RouteProblems problems) {
        this.rc = rc;
        this.request = request;
        this.format = format;
        this.mapper = mapper;
        this.problems = problems;
        this.prefixes = new HashMap<>();
        sources.forEach((id, source) -> prefixes.put(id, SourceLabel.prefix(source.task().name(), id, request.colour())));
        sources.values().forEach(source -> readers.add(new SourceReader(source, client, mapper, false)));
    }

    void start() {
        Optional<MergedCursor> resumed = MergedCursor.isMerged(request.cursor())
                ? Optional.of(MergedCursor.decode(request.cursor())) : Optional.empty();
        rc.response().closeHandler(closed -> stop());
        Opening.all(readers, reader -> positioning(reader, resumed), rc.request().headers()).onSuccess(this::answered);
    }

    private String positioning(SourceReader reader, Optional<MergedCursor> resumed) {
        if (request.limit() > 0) {
            return "cursor=END&skip=-" + request.limit() + "&limit=" + request.limit();
        }
        String cursor = resumed.map(id -> id.cursorOf(reader.source().task().id())).orElse(request.cursor());
        return "cursor=" + URLEncoder.encode(cursor == null || MergedCursor.isMerged(cursor) ? "BEG" : cursor,
                StandardCharsets.UTF_8);
    }

    private void answered(List<Opening.Answer> answers) {
        if (over) {
            return;
        }
        Optional<Opening.Answer> refusal = Opening.refusal(answers);
        if (refusal.isPresent()) {
            stopAllBut(refusal.get().reader());
            Opening.relay(refusal.get(), rc.response());
            return;
        }
        Optional<Opening.Answer> unreachable = answers.stream()
                .filter(answer -> !answer.ok() && !answer.nothingToRead()).findFirst();
        if (unreachable.isPresent()) {
            stop();
            problems.send(rc, new ProblemException(502, "UpstreamUnreachable", unreachable.get().what()
                    + "; a merged range needs every source (follow with Accept: text/event-stream to get the others while it is away)"));
            return;
        }
        streaming = answers.stream().filter(Opening.Answer::ok).map(Opening.Answer::reader).toList();
        answers.stream().filter(answer -> !answer.ok()).forEach(answer -> answer.reader().cancel());
        if (streaming.isEmpty()) {
            if (answers.stream().anyMatch(Opening.Answer::forbidden)
                    && answers.stream().allMatch(Opening.Answer::forbidden)) {
                problems.send(rc, new ProblemException(403, "Forbidden", "the caller may read none of the "
                        + answers.size() + " tasks that match"));
            } else {
                rc.response().setStatusCode(204).end();
            }
            return;
        }
        HttpServerResponse response = rc.response().setStatusCode(200).setChunked(true);
        format.putHeaders(response);
        merge = new EntryMerge<>(streaming.size());
        lastN = request.limit() > 0 ? new ArrayDeque<>() : null;
        for (int i = 0; i < streaming.size(); i++) {
            int index = i;
            SourceReader reader = streaming.get(i);
            reader.stream(new SourceReader.Listener() {
                @Override
                public void entry(MergedEntry entry) {
                    merge.offer(index, entry, entry.realtime());
                    if (merge.queued(index) >= HIGH) {
                        reader.pause();
                    }
                    pump();
                }

                @Override
                public void ended() {
                    merge.finish(index);
                    pump();
                }

                @Override
                public void failed(Throwable cause) {
                    LOG.debugf("merged range: %s failed mid-answer (%s); cutting the client's transfer",
                            reader.source().upstream().authority(), cause.toString());
                    stop();
                    rc.response().reset();
                }
            });
        }
    }

    private void pump() {
        HttpServerResponse response = rc.response();
        if (over || response.closed()) {
            return;
        }
        if (response.writeQueueFull()) {
            response.drainHandler(drained -> pump());
            return;
        }
        Buffer out = Buffer.buffer();
        int n = 0;
        MergedEntry entry;
        while (n < BATCH && (entry = merge.poll()) != null) {
            if (lastN != null) {
                if (lastN.size() == request.limit()) {
                    lastN.pollFirst();
                }
                lastN.add(entry);
            } else {
                format.append(out, mapper, entry, prefixes.get(entry.source()), null);
            }
            n++;
        }
        for (int i = 0; i < streaming.size(); i++) {
            if (merge.queued(i) < LOW) {
                streaming.get(i).resume();
            }
        }
        if (merge.done()) {
            if (lastN != null) {
                lastN.forEach(last -> format.append(out, mapper, last, prefixes.get(last.source()), null));
            }
            over = true;
            response.end(out);
            return;
        }
        if (out.length() > 0) {
            response.write(out);
        }
        if (n == BATCH) {
            rc.vertx().runOnContext(next -> pump());
        }
    }

    private void stop() {
        over = true;
        readers.forEach(SourceReader::cancel);
    }

    private void stopAllBut(SourceReader kept) {
        over = true;
        readers.stream().filter(reader -> reader != kept).forEach(SourceReader::cancel);
    }
}
