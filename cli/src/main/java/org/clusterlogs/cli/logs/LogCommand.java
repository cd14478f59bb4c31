package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.CliContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/** What {@code task log} and {@code node log} share: the options and the reading; each names its log's route. */
abstract class LogCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions options;

    LogCommand(CliContext context) {
        this.context = context;
    }

    /** The log's route at the cluster's address, without the query. */
    abstract String path();

    @Override
    public Integer call() throws IOException, InterruptedException {
        LogOptions checked = options.checked(spec);
        LogReader.of(context, spec).print(path(), checked);
        return 0;
    }
}
