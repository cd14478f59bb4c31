package org.clusterlogs.cli.logs;

import picocli.CommandLine.Command;

/** {@code clusterlogs task}: groups what is done with a task (run alone, it is a usage error). */
@Command(name = "task", mixinStandardHelpOptions = true, description = "A task's logs.", subcommands = TaskLogCommand.class)
public class TaskCommand {
}
