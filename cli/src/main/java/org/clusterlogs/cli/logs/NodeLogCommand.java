package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.http.ApiRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code clusterlogs node log NODE [UNIT]}: a node's journal, or one component of it, through the agent route. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Prints a node's journal, or one component's (systemd unit's) log.")
public class NodeLogCommand extends LogCommand {

    @Parameters(index = "0", paramLabel = "NODE", description = "The agent id (Mesos) or node name (Kubernetes).")
    String node;

    @Parameters(index = "1", arity = "0..1", paramLabel = "UNIT", description = "A component, e.g. docker.service (default: the whole journal).")
    String unit;

    public NodeLogCommand(CliContext context) {
        super(context);
    }

    @Override
    String path() {
        return "/system/v1/agent/" + ApiRequest.segment(node) + "/logs/v2/component" + (unit == null ? "" : "/" + ApiRequest.segment(unit));
    }
}
