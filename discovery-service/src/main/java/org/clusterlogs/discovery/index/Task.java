package org.clusterlogs.discovery.index;

/**
 * A task of the index: a Mesos task, or one container of a Kubernetes pod.
 *
 * @param id            the task id; a pod container's is {@code <namespace>.<pod>.<container>}
 * @param name          the task's name; a pod container's is the container's name
 * @param kind          where it comes from
 * @param frameworkName the Mesos framework's name; the namespace for a pod container
 * @param agentId       the agent (Mesos) or node (Kubernetes) it runs on; null while it is on none
 * @param state         the state its source reports ({@code TASK_RUNNING}, a pod phase, ...)
 * @param completed     whether it is over: a completed Mesos task, a pod that succeeded or failed
 * @param location      where its logs are on that agent
 */
public record Task(String id, String name, TaskKind kind, String frameworkName, String agentId, String state,
                   boolean completed, LogLocation location) {

    /** Whether there is anything to read yet: an agent, and for a Mesos task a container id. */
    public boolean hasLogs() {
        if (agentId == null || agentId.isEmpty()) {
            return false;
        }
        return !(location instanceof LogLocation.Sandbox sandbox) || sandbox.containerId() != null;
    }
}
