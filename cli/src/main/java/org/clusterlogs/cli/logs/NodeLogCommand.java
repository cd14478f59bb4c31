package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.http.ApiRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code clusterlogs node log NODE [UNIT]}: a node's journal, or one component of it, through the agent route. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Prints a node's journal, or one component's (systemd unit's) log.")
public class NodeLogCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NODE", description = "The agent id (Mesos) or node name (Kubernetes).")
    String node;

    @Parameters(index = "1", arity = "0..1", paramLabel = "UNIT", description = "A component, e.g. docker.service (default: the whole journal).")
    String unit;

    @Mixin
    LogOptions options;

    public NodeLogCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String path = "/system/v1/agent/" + ApiRequest.segment(node) + "/logs/v2/component"
                + (unit == null ? "" : "/" + ApiRequest.segment(unit));
        LogReader.of(context, spec).print(path, options.checked(spec));
        return 0;
    }
}
