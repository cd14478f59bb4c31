package org.clusterlogs.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import picocli.CommandLine;

/** Quarkus' side of the wiring: the commands are beans given the process' {@link CliContext}. */
@ApplicationScoped
public class CommandLineProducer {

    @Produces
    @Singleton
    CliContext context() {
        return CliContext.system();
    }

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return Cli.configure(factory.create());
    }
}
