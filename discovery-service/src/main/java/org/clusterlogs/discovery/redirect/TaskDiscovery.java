package org.clusterlogs.discovery.redirect;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.index.TaskIndex;
import org.clusterlogs.discovery.index.TaskLookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery routes' work: check the request, find the one task it names in the index
 * ({@link TaskLookup}) and build the path to its log ({@link TaskRedirect}). An in-memory
 * lookup, cheap enough for the event loop. Failures are the suite's problems: 400
 * {@code BadParameter}, 404 {@code TaskNotFound}, 409 {@code AmbiguousTask} (with the
 * candidates' ids), 409 {@code NoSandbox} (the task has no container or node yet), 503
 * {@code IndexNotReady}.
 */
@ApplicationScoped
public class TaskDiscovery {

    /** Longer queries are no task's name or id part, and not worth searching for. */
    static final int MAX_QUERY_LENGTH = 1024;

    private final TaskIndex index;

    public TaskDiscovery(TaskIndex index) {
        this.index = index;
    }

    /** The relative {@code Location} for a request naming {@code query}. */
    public String locate(String query, LogRequest request, String rawQuery) {
        checkText("task", query);
        fileOf(request).ifPresent(TaskDiscovery::checkFile);
        TaskLookup.Resolution resolution = TaskLookup.resolve(index.snapshotsOrFail(), query);
        if (resolution instanceof TaskLookup.Resolved resolved) {
            return TaskRedirect.location(resolved.task(), request, rawQuery);
        }
        if (resolution instanceof TaskLookup.Ambiguous ambiguous) {
            List<String> ids = ambiguous.candidates().stream().map(Task::id).toList();
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("candidates", ids);
            members.put("moreCandidates", ambiguous.more());
            throw new ProblemException(409, "AmbiguousTask", (ambiguous.more() ? "more than " : "") + ids.size()
                    + " tasks match '" + query + "'; ask for one by its id", members);
        }
        if (resolution instanceof TaskLookup.NoLogs none) {
            throw new ProblemException(409, "NoSandbox", "task " + none.task().id() + " has no logs yet: "
                    + (none.task().agentId() == null ? "it is on no node" : "it has no container id"));
        }
        throw new ProblemException(404, "TaskNotFound", "no running or completed task is named '" + query
                + "' or has an id containing it");
    }

    /** A name or search text: not empty, not too long, no control characters; else 400 {@code BadParameter}. */
    public static void checkText(String what, String text) {
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new ProblemException(400, "BadParameter", what + " is longer than " + MAX_QUERY_LENGTH
                    + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(400, "BadParameter", what + " contains a control character");
        }
    }

    /** One file name of a sandbox: not {@code .} or {@code ..}, no {@code /} or {@code \}; else 400 {@code BadParameter}. */
    public static void checkFile(String file) {
        checkText("file", file);
        if (file.isEmpty() || file.equals(".") || file.equals("..") || file.contains("/") || file.contains("\\")) {
            throw new ProblemException(400, "BadParameter", "file must be one file name of the sandbox");
        }
    }

    private static Optional<String> fileOf(LogRequest request) {
        if (request instanceof LogRequest.Read read) {
            return read.file();
        }
        if (request instanceof LogRequest.Download download) {
            return download.file();
        }
        return Optional.empty();
    }
}
