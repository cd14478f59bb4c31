package org.clusterlogs.discovery.index;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one source (Mesos' {@code state.json}, or the Kubernetes pods) said at one time: its
 * running and completed tasks and its agents, immutable, replaced whole by the next refresh.
 */
public final class SourceSnapshot {

    private final TaskGroup running;
    private final TaskGroup completed;
    private final Map<String, Agent> agents;

    public SourceSnapshot(TaskGroup running, TaskGroup completed, List<Agent> agents) {
        this.running = running;
        this.completed = completed;
        this.agents = agents.stream().collect(Collectors.toUnmodifiableMap(Agent::id, Function.identity(),
                (first, second) -> first));
    }

    public TaskGroup running() {
        return running;
    }

    public TaskGroup completed() {
        return completed;
    }

    public Map<String, Agent> agents() {
        return agents;
    }
}
