package org.clusterlogs.cli.policy;

import picocli.CommandLine.Command;

/** {@code clusterlogs policy}: groups the MessageLogging policy commands (run alone, it is a usage error). */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "MessageLogging policies.",
        subcommands = {PolicyApplyCommand.class, PolicyDeployCommand.class})
public class PolicyCommand {
}
