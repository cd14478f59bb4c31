package org.clusterlogs.cli;

import org.clusterlogs.cli.http.ApiFailure;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;

/**
 * The picocli wiring the packaged command and the tests share: how a failure becomes a message
 * on stderr and exit code 1 (a usage error stays picocli's: usage and exit code 2).
 */
public final class Cli {

    public static final int FAILURE = 1;

    private Cli() {
    }

    /** The command line over {@code context}, without CDI (the tests run it so, in their own JVM). */
    public static CommandLine commandLine(CliContext context) {
        return configure(new CommandLine(ClusterLogsCommand.class, new ContextFactory(context)));
    }

    /** Sets the failure handling on a command line made elsewhere (Quarkus' factory). */
    public static CommandLine configure(CommandLine commandLine) {
        return commandLine.setParameterExceptionHandler(Cli::usageError).setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println("clusterlogs: " + message(failure));
            line.getErr().flush();
            return FAILURE;
        });
    }

    /**
     * What was wrong, picocli's suggestions for a mistyped command, then always the usage (picocli
     * leaves the usage out when it has a suggestion): a script's log shows what the command takes.
     */
    private static int usageError(CommandLine.ParameterException wrong, String[] arguments) {
        CommandLine line = wrong.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(wrong.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(wrong, err);
        line.usage(err);
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String message(Exception failure) {
        if (failure instanceof ApiFailure || failure instanceof UncheckedIOException) {
            return failure.getMessage();
        }
        if (failure instanceof IOException) {
            return "network failure: " + failure.getMessage();
        }
        if (failure instanceof InterruptedException) {
            return "interrupted";
        }
        return "unexpected failure: " + failure;
    }

    /** Makes the commands that take a {@link CliContext} with this one, the others as picocli does. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
