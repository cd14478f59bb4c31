package org.clusterlogs.logs.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where this node's logs are and how they are served. Keys are {@code logs.*}. */
@ConfigMapping(prefix = "logs")
public interface LogsConfig {

    /** This node's name (in Kubernetes, the node name). Not the Mesos agent id. */
    @WithDefault("local-node")
    String nodeId();

    /**
     * Mesos sandbox root: an agent's directory {@code <work_dir>/slaves/<agent id>} (the one
     * holding {@code frameworks/}), or {@code <work_dir>/slaves}, where the agent id picks the agent.
     */
    @WithDefault("/var/lib/mesos/slave/slaves")
    Path sandboxRoot();

    /**
     * The Mesos agent id, when it is not to be read from the agent's
     * {@code <work_dir>/meta/slaves/latest} link (the work dir being the sandbox root's parent).
     * Sent as AGENT_ID with task log lines.
     */
    Optional<String> mesosAgentId();

    /** How old a read of the {@code meta/slaves/latest} link may be before a lookup reads it again. */
    @WithDefault("5s")
    Duration mesosAgentRecheck();

    /**
     * The Mesos agent's work directory as Mesos files API clients write it
     * ({@code <work dir>/slaves/<agent>/frameworks/...}); mapped onto {@link #sandboxRoot()}.
     */
    @WithDefault("/var/lib/mesos/slave")
    Path mesosWorkDir();

    /** The most bytes one Mesos {@code files/read} answers; a longer {@code length} is capped. */
    @WithDefault("1048576")
    long filesReadMaxLength();

    /** Kubernetes pod log root: {@code <root>/<namespace>_<pod>_<uid>/<container>/<n>.log}. */
    @WithDefault("/var/log/pods")
    Path podsRoot();

    /** Directory of component log files, one {@code <name>.log} per component. */
    @WithDefault("/var/log/components")
    Path componentsDir();

    /**
     * Journal directory read with {@code journalctl --directory}; unset: {@code /var/log/journal}
     * (persistent journals) when it exists, else {@code /run/log/journal} (volatile ones).
     */
    Optional<Path> journalDir();

    /** The journalctl executable. */
    @WithDefault("journalctl")
    String journalctl();

    /** Longest line served as one entry; longer lines are split into pieces of this size. */
    @WithDefault("1048576")
    int maxLineBytes();

    /** Idle time after which an open stream sends the SSE comment {@code : ping}. */
    @WithDefault("15s")
    Duration pingInterval();

    /**
     * Followers of the journal send what is new at most once per this interval (a quiet
     * follower's first new entry at once): a journal is written by every unit of the node, and
     * a write per entry per follower costs more than the entries. 0 sends every entry at once.
     */
    @WithDefault("100ms")
    Duration journalFollowBatch();

    /**
     * Safety re-check of followed logs, in case a change notification was missed (inotify
     * does not miss changes on local file systems; this covers the others).
     */
    @WithDefault("10s")
    Duration followRecheck();

    /** Log streams (reads and follows) open at once on this node; one more gets 503. */
    @WithDefault("4096")
    int maxStreams();

    /** Log streams open at once from one client address; one more gets 503. */
    @WithDefault("1024")
    int maxStreamsPerClient();

    /** The {@code Retry-After} of a 503 for too many streams. */
    @WithDefault("5s")
    Duration streamsRetryAfter();
}
