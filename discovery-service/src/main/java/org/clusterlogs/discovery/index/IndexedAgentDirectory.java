package org.clusterlogs.discovery.index;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The agents of the task index: Mesos agents by id, Kubernetes nodes by name, each with its log-service. */
@ApplicationScoped
public class IndexedAgentDirectory implements AgentDirectory {

    private final TaskIndex index;

    public IndexedAgentDirectory(TaskIndex index) {
        this.index = index;
    }

    @Override
    public Optional<Lookup> find(String agentId) {
        return index.snapshots().map(snapshots -> lookup(snapshots, agentId));
    }

    private static Lookup lookup(List<SourceSnapshot> snapshots, String agentId) {
        for (SourceSnapshot snapshot : snapshots) {
            Agent agent = snapshot.agents().get(agentId);
            if (agent != null && agent.logService() != null) {
                return new Found(agent.id(), agent.logService());
            }
        }
        return new Unknown(agentId);
    }
}
