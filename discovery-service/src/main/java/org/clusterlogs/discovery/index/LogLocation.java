package org.clusterlogs.discovery.index;

import java.util.Map;

/** Where on its node a task's logs are, in the terms of log-service's routes. */
public sealed interface LogLocation permits LogLocation.Sandbox, LogLocation.PodContainer {

    /**
     * A Mesos sandbox {@code frameworks/<fw>/executors/<ex>/runs/<container>[/tasks/<task>]}.
     *
     * @param frameworkId the task's framework
     * @param executorId  the task's executor id, empty for a command task (whose executor id is its task id)
     * @param containerId the container the sandbox is named after; null while the task has none
     */
    record Sandbox(String frameworkId, String executorId, String containerId) implements LogLocation {

        /** A task with an executor of its own is a task in a pod: its files are under {@code tasks/<id>}. */
        public boolean inPod() {
            return !executorId.isEmpty();
        }
    }

    /**
     * A Kubernetes container's log, {@code pods/<namespace>/<pod>/<container>}; with the pod's
     * labels, which a merged stream's label selector matches.
     */
    record PodContainer(String namespace, String pod, String container, Map<String, String> labels)
            implements LogLocation {

        public PodContainer {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        /** A container of a pod without labels. */
        public PodContainer(String namespace, String pod, String container) {
            this(namespace, pod, container, Map.of());
        }
    }
}
