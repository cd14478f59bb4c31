package org.clusterlogs.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.http.ApiRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code clusterlogs tasks [QUERY]}: the task index of discovery-service, as a table. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Lists the tasks whose id or name contains QUERY (all without it), running ones first.")
public class TasksCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("id", "name", "state", "agent");

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Text in the task's id or name.")
    String query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N tasks (1 to 500; default ${DEFAULT-VALUE}).")
    int limit;

    public TasksCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String target = "/system/v1/tasks?" + ApiRequest.parameter("limit", limit)
                + (query == null ? "" : "&" + ApiRequest.parameter("q", query));
        JsonNode answer = context.client().json(ApiRequest.get(target));
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList());
        for (JsonNode task : answer.path("tasks")) {
            rows.add(COLUMNS.stream().map(c -> task.path(c).asText("")).toList());
        }
        print(rows, spec.commandLine().getOut());
        if (answer.path("more").asBoolean(false)) {
            spec.commandLine().getErr().println("(more tasks match: narrow QUERY or raise --limit)");
        }
        return 0;
    }

    /** Left-aligned columns, two spaces apart, as kubectl prints them. */
    private static void print(List<List<String>> rows, PrintWriter out) {
        int[] widths = new int[COLUMNS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == widths.length - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
