package org.clusterlogs.discovery.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.index.Agent;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.redirect.LogRequest;
import org.clusterlogs.discovery.redirect.TaskRedirect;
import org.clusterlogs.discovery.search.TaskSearch;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Lists of tasks and agents, for completion in a CLI or a log viewer. */
@Path("/system/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "index", description = "The tasks and agents the index knows, for completion")
@SecurityRequirement(name = "dcosToken")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "authCookie")
@APIResponse(responseCode = "401", ref = "unauthorized")
@APIResponse(responseCode = "403", ref = "forbidden")
@APIResponse(responseCode = "503", ref = "notReady")
public class TaskSearchResource {

    private final TaskSearch search;

    public TaskSearchResource(TaskSearch search) {
        this.search = search;
    }

    /** The answer of {@code GET /system/v1/tasks}. */
    public record TaskList(List<TaskSummary> tasks, boolean more) {
    }

    /** The answer of {@code GET /system/v1/agents}. */
    public record AgentList(List<AgentSummary> agents) {
    }

    @GET
    @Path("tasks")
    @Operation(operationId = "searchTasks", summary = "Tasks whose id or name contains some text",
            description = "Running tasks first (by id), then completed ones; more is true when the limit cut the list.")
    @APIResponse(responseCode = "200", description = "The tasks")
    @APIResponse(responseCode = "400", ref = "badRequest")
    public TaskList searchTasks(
            @QueryParam("q") @Parameter(description = "text the id or name contains; absent: every task") String q,
            @QueryParam("limit") @Parameter(description = "most tasks to list, a whole number from 1 to 500; default 50") String limit) {
        TaskSearch.Found found = search.tasks(Optional.ofNullable(q).orElse(""), limit(limit));
        return new TaskList(found.tasks().stream().map(TaskSearchResource::summary).toList(), found.more());
    }

    @GET
    @Path("agents")
    @Operation(operationId = "listAgents", summary = "The agents and nodes of the index")
    @APIResponse(responseCode = "200", description = "The agents, by id")
    public AgentList listAgents() {
        return new AgentList(search.agents().stream().map(TaskSearchResource::summary).toList());
    }

    private static OptionalInt limit(String limit) {
        if (limit == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(limit.trim()));
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "BadParameter", "limit must be a whole number from 1 to "
                    + TaskSearch.MAX_LIMIT);
        }
    }

    private static TaskSummary summary(Task task) {
        String redirect = task.hasLogs()
                ? TaskRedirect.location(task, new LogRequest.Read(Optional.empty()), null) : null;
        return new TaskSummary(task.id(), task.name(), task.kind().name().toLowerCase(Locale.ROOT),
                task.frameworkName(), task.agentId(), task.state(), task.completed(), redirect);
    }

    private static AgentSummary summary(Agent agent) {
        return new AgentSummary(agent.id(), agent.hostname(), agent.kind().name().toLowerCase(Locale.ROOT),
                agent.logService() != null);
    }
}
