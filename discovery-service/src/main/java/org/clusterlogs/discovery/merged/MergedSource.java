package org.clusterlogs.discovery.merged;

import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.proxy.Upstream;

/**
 * One task's log in a merged stream, and how to read it from its node.
 *
 * @param task     the task
 * @param upstream its node's log-service and the log's path with the query every read carries
 * @param file     what the entries' {@code FILE} field says when the node's entry has none; null for a pod's whole log
 */
public record MergedSource(Task task, Upstream upstream, String file) {

    /** The request target with positioning parameters ({@code cursor=…}) added to the common query. */
    public String target(String positioning) {
        String base = upstream.requestTarget();
        if (positioning == null || positioning.isEmpty()) {
            return base;
        }
        return base + (base.indexOf('?') >= 0 ? "&" : "?") + positioning;
    }
}
