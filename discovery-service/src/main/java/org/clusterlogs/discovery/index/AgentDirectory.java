package org.clusterlogs.discovery.index;

import java.util.Optional;

/** Where an agent's (node's) log-service answers. */
public interface AgentDirectory {

    /** @return empty when the index is not ready yet (callers answer 503 + Retry-After) */
    Optional<Lookup> find(String agentId);

    /** What is known of an agent id. */
    sealed interface Lookup permits Found, Unknown {
    }

    /** The agent's log-service: {@code scheme://host:port}, no path. */
    record Found(String agentId, java.net.URI logService) implements Lookup {
    }

    /** No agent of the index has this id. */
    record Unknown(String agentId) implements Lookup {
    }
}
