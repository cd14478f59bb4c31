package org.clusterlogs.discovery.index;

/** Where a task comes from, which decides the shape of its log's address. */
public enum TaskKind {
    /** A task of Mesos' {@code state.json}: its files are in a sandbox on its agent. */
    MESOS,
    /** A container of a Kubernetes pod: its log is the kubelet's CRI file on its node. */
    KUBERNETES
}
