package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.http.ApiRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code clusterlogs logs QUERY}: every matching task's file as one log, through
 * discovery-service's merged stream ({@code /system/v1/logs/v2/tasks?q=}). Each line carries its
 * task's prefix; a follow resumes every task after its last printed line with the merged
 * cursor, as a follow of one task does with its own.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Prints the logs of every task whose name or id contains QUERY, as one log, each line prefixed name/short-id|.")
public class LogsCommand implements Callable<Integer> {

    static final String ROUTE = "/system/v1/logs/v2/tasks";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY",
            description = "Text in the tasks' name or id, or a Kubernetes label selector (app=web) for pods.")
    String query;

    @Option(names = "--file", paramLabel = "FILE", description = "The file of each task's sandbox (default: stdout).")
    String file;

    @Option(names = "--completed", description = "Completed tasks too (default: running ones only).")
    boolean completed;

    @Option(names = "--color", negatable = true,
            description = "Colour each task's prefix (--no-color: never; default: when the output is a terminal).")
    Boolean color;

    @Mixin
    LogOptions options;

    public LogsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        LogOptions checked = options.checked(spec);
        boolean colour = colour();
        LogReader.of(context, spec).print(target(colour), checked,
                new MergedPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), checked.json(), colour));
        return 0;
    }

    /** Colours only for text, and by default only on a terminal. */
    boolean colour() {
        return !options.json() && (color != null ? color : context.terminal());
    }

    /**
     * The merged stream's route and query: the tasks, the last N entries of the merged set
     * ({@code limit=N}; none with {@code --since} alone: every entry since; a follow of new lines
     * only, {@code --lines 0}: {@code cursor=END}), then the bounds. Colour is asked of the server
     * only for a range of text; a follow's lines are labelled here.
     */
    String target(boolean colour) {
        List<String> parameters = new ArrayList<>();
        parameters.add(ApiRequest.parameter("q", query));
        if (file != null) {
            parameters.add(ApiRequest.parameter("file", file));
        }
        if (completed) {
            parameters.add(ApiRequest.parameter("completed", true));
        }
        Integer lines = options.lines();
        if (lines != null && lines > 0) {
            parameters.add(ApiRequest.parameter("limit", lines));
        } else if (lines != null && options.follow()) {
            parameters.add(ApiRequest.parameter("cursor", "END"));
        }
        if (colour && !options.follow()) {
            parameters.add(ApiRequest.parameter("color", true));
        }
        parameters.addAll(options.boundParameters());
        return ROUTE + "?" + String.join("&", parameters);
    }
}
