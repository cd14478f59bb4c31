package org.clusterlogs.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import org.clusterlogs.cli.login.LoginCommand;
import org.clusterlogs.cli.logs.LogsCommand;
import org.clusterlogs.cli.logs.NodeCommand;
import org.clusterlogs.cli.logs.TaskCommand;
import org.clusterlogs.cli.policy.PolicyCommand;
import org.clusterlogs.cli.tasks.TasksCommand;
import picocli.CommandLine.Command;

/** {@code clusterlogs}: the top command; it only groups the others (run alone, it is a usage error). */
@TopCommand
@Command(name = "clusterlogs", mixinStandardHelpOptions = true,
        description = "Reads the cluster's logs and manages its MessageLogging policies through the cluster's address.",
        subcommands = {LoginCommand.class, TasksCommand.class, LogsCommand.class, TaskCommand.class, NodeCommand.class, PolicyCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 the server refused or could not be reached (message on stderr), 2 usage error."})
public class ClusterLogsCommand {
}
