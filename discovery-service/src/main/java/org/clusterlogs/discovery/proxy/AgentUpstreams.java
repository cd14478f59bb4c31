package org.clusterlogs.discovery.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.index.AgentDirectory;
import org.clusterlogs.discovery.index.TaskIndex;

/**
 * An agent id to its node's log-service, through the index's {@link AgentDirectory}: 404
 * {@code AgentNotFound} for an id the index does not know (or a node without a log-service), 503
 * {@code IndexNotReady} with {@code Retry-After} before the index has loaded.
 */
@ApplicationScoped
public class AgentUpstreams {

    private final AgentDirectory agents;
    private final TaskIndex index;

    public AgentUpstreams(AgentDirectory agents, TaskIndex index) {
        this.agents = agents;
        this.index = index;
    }

    /** The request {@code path} (and raw query) at {@code agentId}'s log-service. */
    public Upstream resolve(String agentId, String path, String rawQuery) {
        AgentDirectory.Lookup lookup = agents.find(agentId).orElseThrow(index::notReady);
        if (lookup instanceof AgentDirectory.Found found) {
            return Upstream.at("the log-service of agent " + found.agentId(), found.logService(), path, rawQuery);
        }
        throw new ProblemException(404, "AgentNotFound", "no agent or node of the task index has the id '"
                + agentId + "' (or it has no log-service)");
    }
}
