package org.clusterlogs.discovery.merged;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.api.RouteProblems;
import org.clusterlogs.discovery.config.DiscoveryConfig;

import java.util.Map;

/**
 * Many tasks' logs as one stream ({@code GET /system/v1/logs/v2/tasks}): selects the sources
 * from the index and starts a {@link RangeMerge} (text, NDJSON) or a {@link FollowMerge} (SSE)
 * for the request. Everything runs on the request's event loop.
 */
@ApplicationScoped
public class MergedStreams {

    private final SourceSelector selector;
    private final NodeLogClient client;
    private final ObjectMapper mapper;
    private final RouteProblems problems;
    private final DiscoveryConfig.Merged config;

    public MergedStreams(SourceSelector selector, NodeLogClient client, ObjectMapper mapper, RouteProblems problems,
                         DiscoveryConfig config) {
        this.selector = selector;
        this.client = client;
        this.mapper = mapper;
        this.problems = problems;
        this.config = config.merged();
    }

    /**
     * Answers {@code rc}.
     *
     * @throws ProblemException for a bad request, too many sources, an index not ready, or (range) no source
     */
    public void answer(RoutingContext rc, MergedRequest request, MergedFormat format) {
        TaskQuery query = TaskQuery.of(request.q());
        Map<String, MergedSource> sources = selector.select(request, query, true);
        if (format == MergedFormat.SSE) {
            new FollowMerge(rc, request, query, selector, client, mapper, config).start(sources);
            return;
        }
        if (sources.isEmpty()) {
            throw new ProblemException(404, "TaskNotFound", "no task with logs matches '" + request.q() + "'"
                    + (request.completed() ? "" : " among the running ones (completed=true adds the completed)"));
        }
        new RangeMerge(rc, request, sources, format, client, mapper, problems).start();
    }
}
