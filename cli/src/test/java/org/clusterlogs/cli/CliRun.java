package org.clusterlogs.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One run of {@code clusterlogs} in this JVM: the commands as the jar runs them (the same
 * {@link Cli} wiring), with an environment and standard input of the test's, and out and err
 * captured. The output can be read while the command runs (a follow).
 */
final class CliRun {

    private final Map<String, String> env;
    private final String stdin;
    private final StopSignal stop = new StopSignal();
    private final Captured out = new Captured();
    private final Captured err = new Captured();
    private volatile int exit = -1;

    CliRun(Map<String, String> env, String stdin) {
        this.env = env;
        this.stdin = stdin;
    }

    /** Runs the command to its end; answers the exit code. */
    int execute(String... arguments) {
        CliContext context = new CliContext(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stop, false);
        exit = Cli.commandLine(context).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(arguments);
        return exit;
    }

    /** The exit code of the run that ended; -1 before. */
    int exit() {
        return exit;
    }

    /** Ends a follow, as Ctrl-C does. */
    void stop() {
        stop.stop();
    }

    String out() {
        return out.text();
    }

    String err() {
        return err.text();
    }

    /** A writer another thread can read from while the command writes. */
    private static final class Captured extends Writer {
        private final StringBuffer text = new StringBuffer();

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        String text() {
            return text.toString();
        }
    }
}
