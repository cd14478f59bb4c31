package org.clusterlogs.discovery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the task index comes from and how a node's log-service is reached. Every key is read at
 * run time, so one build serves Mesos, Kubernetes or both.
 */
@ConfigMapping(prefix = "discovery")
public interface DiscoveryConfig {

    Mesos mesos();

    Kubernetes kubernetes();

    LogService logService();

    Proxy proxy();

    PolicyService policyService();

    Merged merged();

    interface Mesos {
        /**
         * Mesos' {@code state.json}: an {@code http(s)://} URL (fetched with this service's own
         * account token) or a file path. Absent: no Mesos tasks.
         */
        Optional<String> state();

        /** How often the document is read again; the index changes only when its bytes do. */
        @WithDefault("5s")
        Duration refresh();

        /** The longest a fetch of the URL may take, connection and body included. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Kubernetes {
        /** Pods as tasks, through an informer of the Kubernetes Client. */
        @WithDefault("false")
        boolean enabled();

        /** The namespaces whose pods are tasks; empty or absent: every namespace. */
        Optional<List<String>> namespaces();

        /** The label selector of the log-service DaemonSet's pods: a node's log-service is its pod there. */
        @WithDefault("app.kubernetes.io/name=log-service")
        String logServiceSelector();

        /** The namespace of the log-service DaemonSet; absent: the namespace this service runs in. */
        Optional<String> logServiceNamespace();
    }

    interface LogService {
        /** The port log-service answers on, on every node. */
        @WithDefault("8181")
        int port();

        /** {@code http} or {@code https}. */
        @WithDefault("http")
        String scheme();
    }

    /** The streaming proxy to the nodes' log-services, auth-service and policy-service. */
    interface Proxy {
        /** How long opening a connection to an upstream may take before the request is answered 502. */
        @WithDefault("2s")
        Duration connectTimeout();

        /**
         * How long an upstream may send nothing before its request is given up: well above
         * log-service's 15 s keep-alive ping, so a quiet live stream is never cut.
         */
        @WithDefault("60s")
        Duration idleTimeout();

        /** The most connections open to one upstream (one per live stream); requests beyond wait for one. */
        @WithDefault("2000")
        int maxConnectionsPerUpstream();
    }

    interface PolicyService {
        /** policy-service's base URL without a path: {@code /v1/policies} and {@code /v1/environments} go there. */
        @WithDefault("http://localhost:8183")
        String url();
    }

    /** The merged stream of many tasks, {@code /system/v1/logs/v2/tasks} (docs/merged-streams.md). */
    interface Merged {
        /**
         * The most tasks one merged stream reads: each source's cursor is in every SSE id, which
         * must stay well below the 8 KiB a request header may take when it comes back as
         * {@code Last-Event-ID}. More is 400 {@code TooManySources}.
         */
        @WithDefault("64")
        int maxSources();

        /** How often a merged follow asks the index again for tasks that start matching or are over. */
        @WithDefault("2s")
        Duration requery();

        /** The silence after which a merged follow sends {@code : ping}, as log-service does. */
        @WithDefault("15s")
        Duration pingInterval();

        /** The longest wait between two attempts to reach a lost source's node again. */
        @WithDefault("5s")
        Duration retryMaxBackoff();
    }
}
