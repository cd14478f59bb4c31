package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.http.ApiRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterlogs task log TASK [FILE]}: a task's file by the task's name or id, wherever it
 * runs. discovery-service's task route redirects to the node; a follow that reconnects asks the
 * task route again, so it finds the node anew.
 */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Prints a task's log file (stdout by default).")
public class TaskLogCommand extends LogCommand {

    @Parameters(index = "0", paramLabel = "TASK", description = "The task's name, or (part of) its id.")
    String task;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "A file of the task's sandbox (default: stdout).")
    String file;

    public TaskLogCommand(CliContext context) {
        super(context);
    }

    @Override
    String path() {
        return "/system/v1/logs/v2/task/" + ApiRequest.segment(task) + (file == null ? "" : "/file/" + ApiRequest.segment(file));
    }
}
