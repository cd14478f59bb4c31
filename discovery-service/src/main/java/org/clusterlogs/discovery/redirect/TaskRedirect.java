package org.clusterlogs.discovery.redirect;

import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.index.LogLocation;
import org.clusterlogs.discovery.index.Task;
import org.jboss.resteasy.reactive.common.util.Encode;

import java.util.Optional;
import java.util.Set;

/**
 * Where a discovery route sends the client: the path of the task's log on its node's
 * log-service, under {@code /system/v1/agent/{agent}/logs/v2/...}, relative (no scheme, no
 * host), with the request's raw query string carried unchanged so cursor, skip, limit and
 * filter reach log-service as the client wrote them.
 *
 * <p>A Mesos task's sandbox is {@code task/frameworks/<fw>/executors/<ex>/runs/<container>},
 * the executor id being the task id for a command task; a task with an executor of its own
 * (a task in a pod) adds {@code /tasks/<task id>}. A Kubernetes container has one log that
 * holds both streams: the default log is all of it, {@code file/stdout} and {@code file/stderr}
 * are that log filtered to the stream ({@code filter=STREAM:<file>} added after the client's
 * query), and other files, download and browse do not exist for it (404 {@code NotForPods}).
 */
public final class TaskRedirect {

    static final String DEFAULT_FILE = "stdout";
    private static final Set<String> POD_STREAMS = Set.of("stdout", "stderr");

    private TaskRedirect() {
    }

    /**
     * @param task     a task with logs ({@link Task#hasLogs()})
     * @param rawQuery the request's query string as received, without {@code ?}; null or empty: none
     * @throws ProblemException 404 {@code NotForPods} for what a pod container has not
     */
    public static String location(Task task, LogRequest request, String rawQuery) {
        String agent = "/system/v1/agent/" + segment(task.agentId()) + "/logs/v2";
        if (task.location() instanceof LogLocation.Sandbox sandbox) {
            return agent + sandbox(task, sandbox) + suffix(request) + query(rawQuery, null);
        }
        LogLocation.PodContainer pod = (LogLocation.PodContainer) task.location();
        return agent + "/pods/" + segment(pod.namespace()) + "/" + segment(pod.pod()) + "/"
                + segment(pod.container()) + query(rawQuery, podFilter(request));
    }

    private static String sandbox(Task task, LogLocation.Sandbox sandbox) {
        String executor = sandbox.inPod() ? sandbox.executorId() : task.id();
        String path = "/task/frameworks/" + segment(sandbox.frameworkId()) + "/executors/" + segment(executor)
                + "/runs/" + segment(sandbox.containerId());
        return sandbox.inPod() ? path + "/tasks/" + segment(task.id()) : path;
    }

    private static String suffix(LogRequest request) {
        if (request instanceof LogRequest.Read read) {
            return "/" + segment(read.file().orElse(DEFAULT_FILE));
        }
        if (request instanceof LogRequest.Download download) {
            return "/" + segment(download.file().orElse(DEFAULT_FILE)) + "/download";
        }
        return "/files/browse";
    }

    /** The stream filter a pod request adds, or null for the whole log. */
    private static String podFilter(LogRequest request) {
        if (request instanceof LogRequest.Read read) {
            if (read.file().isEmpty()) {
                return null;
            }
            if (POD_STREAMS.contains(read.file().get())) {
                return "filter=STREAM:" + read.file().get();
            }
            throw new ProblemException(404, "NotForPods", "a Kubernetes container has the files stdout and stderr"
                    + " only (its one log, filtered to that stream)");
        }
        throw new ProblemException(404, "NotForPods", "a Kubernetes container's log cannot be "
                + (request instanceof LogRequest.Browse ? "browsed" : "downloaded") + " through discovery;"
                + " read it, or follow it with Accept: text/event-stream");
    }

    private static String query(String rawQuery, String added) {
        String query = Optional.ofNullable(rawQuery).orElse("");
        if (added != null) {
            query = query.isEmpty() ? added : query + "&" + added;
        }
        return query.isEmpty() ? "" : "?" + query;
    }

    /** One path segment, every character outside the unreserved set percent-encoded (a {@code /} too). */
    static String segment(String value) {
        return Encode.encodePathSegmentAsIs(value);
    }
}
