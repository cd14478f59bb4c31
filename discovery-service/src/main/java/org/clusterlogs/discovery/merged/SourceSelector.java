package org.clusterlogs.discovery.merged;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.config.DiscoveryConfig;
import org.clusterlogs.discovery.index.LogLocation;
import org.clusterlogs.discovery.index.SourceSnapshot;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.index.TaskGroup;
import org.clusterlogs.discovery.index.TaskIndex;
import org.clusterlogs.discovery.proxy.AgentUpstreams;
import org.clusterlogs.discovery.redirect.LogRequest;
import org.clusterlogs.discovery.redirect.TaskRedirect;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tasks a merged stream reads, from the index as it is now: those {@code q} selects
 * ({@link TaskQuery}), running ones first, then, with {@code completed=true}, the completed ones;
 * only tasks that have logs (a node, a container), and only as many as a merged id can carry
 * ({@code discovery.merged.max-sources}; more is 400 {@code TooManySources}). Each becomes a
 * {@link MergedSource}: where the redirect would send a client for that task's file, as a
 * request to its node's log-service carrying the parameters every node gets.
 */
@ApplicationScoped
public class SourceSelector {

    private static final Logger LOG = Logger.getLogger(SourceSelector.class);
    private static final String AGENT_PREFIX = "/system/v1/agent/";

    private final TaskIndex index;
    private final AgentUpstreams agents;
    private final int maxSources;

    public SourceSelector(TaskIndex index, AgentUpstreams agents, DiscoveryConfig config) {
        this.index = index;
        this.agents = agents;
        this.maxSources = config.merged().maxSources();
    }

    /** The most sources of one merged stream. */
    public int maxSources() {
        return maxSources;
    }

    /**
     * The sources of {@code request} now, by task id in selection order.
     *
     * @param strict whether more than the limit is a 400 (a new request) or is cut at the limit (a follow asking again)
     * @throws ProblemException 400 {@code TooManySources} above the limit, 503 before the index is ready
     */
    public Map<String, MergedSource> select(MergedRequest request, TaskQuery query, boolean strict) {
        List<SourceSnapshot> snapshots = index.snapshotsOrFail();
        Map<String, MergedSource> sources = new LinkedHashMap<>();
        collect(snapshots, SourceSnapshot::running, request, query, strict, sources);
        if (request.completed()) {
            collect(snapshots, SourceSnapshot::completed, request, query, strict, sources);
        }
        return sources;
    }

    private void collect(List<SourceSnapshot> snapshots, Function<SourceSnapshot, TaskGroup> group,
                         MergedRequest request, TaskQuery query, boolean strict, Map<String, MergedSource> into) {
        for (SourceSnapshot snapshot : snapshots) {
            for (Task task : query.matches(group.apply(snapshot), maxSources + 1)) {
                if (!task.hasLogs() || into.containsKey(task.id())) {
                    continue;
                }
                if (!strict && into.size() == maxSources) {
                    return;
                }
                source(task, request).ifPresent(source -> into.put(task.id(), source));
                if (into.size() > maxSources) {
                    throw new ProblemException(400, "TooManySources", "more than " + maxSources + " tasks match '"
                            + request.q() + "' (a merged stream reads at most " + maxSources
                            + "; its SSE id carries every source's cursor): narrow the query");
                }
            }
        }
    }

    /** The task's log as a request to its node, or empty when the task has no such log (a pod and a sandbox file). */
    private Optional<MergedSource> source(Task task, MergedRequest request) {
        boolean pod = task.location() instanceof LogLocation.PodContainer;
        LogRequest.Read read = new LogRequest.Read(pod ? request.file() : Optional.of(request.sandboxFile()));
        String location;
        try {
            location = TaskRedirect.location(task, read, request.passThrough());
        } catch (ProblemException notForPods) {
            return Optional.empty();
        }
        // /system/v1/agent/<agent>/logs/v2/... → /system/v1/logs/v2/... at that agent's log-service
        int logs = location.indexOf('/', AGENT_PREFIX.length());
        int query = location.indexOf('?');
        String path = "/system/v1" + (query < 0 ? location.substring(logs) : location.substring(logs, query));
        try {
            return Optional.of(new MergedSource(task, agents.resolve(task.agentId(), path,
                    query < 0 ? null : location.substring(query + 1)), pod ? request.file().orElse(null)
                    : request.sandboxFile()));
        } catch (ProblemException unknownAgent) {
            LOG.debugf("merged stream: task %s is on agent %s, which has no log-service the index knows", task.id(),
                    task.agentId());
            return Optional.empty();
        }
    }

    /** Whether the index knows {@code taskId} as completed, or not at all any more. */
    public boolean over(String taskId) {
        Optional<List<SourceSnapshot>> snapshots = index.snapshots();
        if (snapshots.isEmpty()) {
            return false;
        }
        for (SourceSnapshot snapshot : snapshots.get()) {
            if (!snapshot.running().withId(taskId).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
