package org.clusterlogs.cli.logs;

import picocli.CommandLine.Command;

/** {@code clusterlogs node}: groups what is done with a node (run alone, it is a usage error). */
@Command(name = "node", mixinStandardHelpOptions = true, description = "A node's logs.", subcommands = NodeLogCommand.class)
public class NodeCommand {
}
