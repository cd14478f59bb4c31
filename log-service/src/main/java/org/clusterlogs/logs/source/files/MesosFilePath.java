package org.clusterlogs.logs.source.files;

import org.clusterlogs.logs.source.BadParameterException;
import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.SafePaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code path} of the Mesos agent files API, checked and mapped onto this node's sandboxes.
 *
 * <p>Mesos clients write either the agent's real sandbox path under its work directory,
 * {@code <work dir>/slaves/<agent>/frameworks/<fw>/executors/<ex>/runs/<container>[/...]}, or
 * the virtual path {@code /frameworks/<fw>/executors/<ex>/runs/<container>[/...]}. Both name
 * something under the agent's directory, which is what the sandbox root serves. Nothing here
 * opens anything: the result is a list of checked segments that only ever reaches the file
 * system through the sandbox {@link org.clusterlogs.logs.source.root.LogRoot}.
 *
 * @param shown      the path as answers show it (absolute, empty segments dropped)
 * @param underAgent the segments under the agent's directory, starting with {@code frameworks}
 */
public record MesosFilePath(String shown, List<String> underAgent) {

    /** {@code frameworks/<fw>/executors/<ex>/runs/<container>}: the shortest path that names a sandbox. */
    private static final int SANDBOX_SEGMENTS = 6;

    public MesosFilePath {
        underAgent = List.copyOf(underAgent);
    }

    /**
     * Checks and maps a client's {@code path}.
     *
     * @param path    as the client sent it (query parameter, already percent-decoded)
     * @param workDir the Mesos agent's work directory as clients know it
     * @param agentId this node's Mesos agent id: another agent's sandboxes are not here
     * @throws BadParameterException    when the path is missing
     * @throws BadPathException         when it is malformed or outside the work directory's sandboxes
     * @throws LogNotFoundException     when it names another agent's sandbox
     */
    public static MesosFilePath parse(String path, Path workDir, String agentId) {
        if (path == null || path.isEmpty()) {
            throw new BadParameterException("the query parameter path is required");
        }
        if (!path.startsWith("/")) {
            throw new BadPathException("path must be absolute: under " + workDir + "/slaves/ or /frameworks/");
        }
        List<String> segments = segments(path);
        List<String> work = workDirSegments(workDir);
        List<String> underAgent;
        if (startsWith(segments, work) && segments.size() > work.size() + 1
                && segments.get(work.size()).equals("slaves")) {
            String agent = segments.get(work.size() + 1);
            if (!agent.equals(agentId)) {
                throw new LogNotFoundException("agent " + agent + " is not this node's (" + agentId + ")");
            }
            underAgent = segments.subList(work.size() + 2, segments.size());
        } else if (!segments.isEmpty() && segments.get(0).equals("frameworks")) {
            underAgent = segments;
        } else {
            throw new BadPathException("path must be under " + workDir + "/slaves/<agent>/frameworks/ or /frameworks/");
        }
        if (!isSandboxOrBelow(underAgent)) {
            throw new BadPathException(
                    "path must name a task sandbox or something in it: .../frameworks/<fw>/executors/<ex>/runs/<container>[/...]");
        }
        return new MesosFilePath("/" + String.join("/", segments), underAgent);
    }

    /** The last segment: the file's name. */
    public String fileName() {
        return underAgent.get(underAgent.size() - 1);
    }

    /** The path under the agent's directory. */
    public String relative() {
        return String.join("/", underAgent);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (!s.isEmpty()) {
                segments.add(SafePaths.segment(s, "a segment of path"));
            }
        }
        return segments;
    }

    private static List<String> workDirSegments(Path workDir) {
        List<String> segments = new ArrayList<>();
        for (Path name : workDir.normalize()) {
            segments.add(name.toString());
        }
        return segments;
    }

    private static boolean startsWith(List<String> segments, List<String> prefix) {
        return segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix);
    }

    private static boolean isSandboxOrBelow(List<String> s) {
        return s.size() >= SANDBOX_SEGMENTS && s.get(0).equals("frameworks") && s.get(2).equals("executors")
                && s.get(4).equals("runs");
    }
}
