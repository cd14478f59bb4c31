package org.clusterlogs.discovery.index.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import org.clusterlogs.discovery.index.Agent;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A node's log-service is the pod of the log-service DaemonSet on that node, reached at its
 * pod IP. While a rolling update runs two of them, a ready one wins over one that is only running.
 */
final class LogServicePods {

    private LogServicePods() {
    }

    /** Node name → {@code scheme://podIP:port}, for the running pods that have a node and an IP. */
    static Map<String, URI> byNode(Collection<Pod> pods, String scheme, int port) {
        Map<String, Pod> chosen = new HashMap<>();
        for (Pod pod : pods) {
            if (!usable(pod)) {
                continue;
            }
            chosen.merge(pod.getSpec().getNodeName(), pod, (first, second) -> ready(second) && !ready(first)
                    ? second : first);
        }
        Map<String, URI> addresses = new HashMap<>();
        chosen.forEach((node, pod) -> Agent.logServiceAt(scheme, pod.getStatus().getPodIP(), port)
                .ifPresent(uri -> addresses.put(node, uri)));
        return addresses;
    }

    private static boolean usable(Pod pod) {
        return pod.getSpec() != null && pod.getSpec().getNodeName() != null && pod.getStatus() != null
                && pod.getStatus().getPodIP() != null && "Running".equals(pod.getStatus().getPhase())
                && pod.getMetadata().getDeletionTimestamp() == null;
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
