package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.Cli;
import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.StopSignal;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options of {@code logs}, {@code task log} and {@code node log}: the query each one sends,
 * and the usage error (exit code 2, nothing on stdout) for what does not make sense. No server:
 * a usage error is found before any request.
 */
class LogOptionsTest {

    @Test
    void logsAsksTheMergedStreamForTheLastLinesOfEveryMatchingTask() {
        assertEquals("/system/v1/logs/v2/tasks?q=nginx&limit=10", logs(false, "logs", "nginx").target(false));
        assertEquals("/system/v1/logs/v2/tasks?q=app%3Dweb&file=app.log&completed=true&limit=3&grep=ERROR&filter=STREAM%3Astderr",
                logs(false, "logs", "app=web", "--file", "app.log", "--completed", "-n", "3", "--grep", "ERROR",
                        "--filter", "STREAM:stderr").target(false));
    }

    @Test
    void sinceAloneMeansEveryLineSinceThenAndAnAgeIsSentAsATime() {
        Instant before = Instant.now().minusSeconds(600);
        LogsCommand logs = logs(false, "logs", "nginx", "--since", "10m", "--until", "2099-01-01T00:00:00+01:00");
        String target = logs.target(false);
        assertTrue(target.matches("/system/v1/logs/v2/tasks\\?q=nginx&since=[0-9T:.%A-Z-]+Z&until=2098-12-31T23%3A00%3A00Z"), target);
        Instant since = logs.options.since;
        assertTrue(!since.isBefore(before) && since.isBefore(Instant.now().minusSeconds(599)), since.toString());
        assertEquals("cursor=BEG&since=2026-11-30T10%3A00%3A00Z",
                LogReader.query(options("task", "log", "nginx", "--since", "2026-11-30T10:00:00Z")));
        assertEquals("cursor=END&skip=-5&since=2026-11-30T10%3A00%3A00Z&grep=a%2Bb",
                LogReader.query(options("node", "log", "a1", "--since", "2026-11-30T10:00:00Z", "-n", "5", "--grep", "a+b")));
    }

    @Test
    void colourIsForTextOnATerminalUnlessTheOptionSaysOtherwise() {
        assertTrue(logs(true, "logs", "q").colour());
        assertEquals(false, logs(false, "logs", "q").colour());
        assertTrue(logs(false, "logs", "q", "--color").colour());
        assertEquals(false, logs(true, "logs", "q", "--no-color").colour());
        assertEquals(false, logs(true, "logs", "q", "--json").colour());
        LogsCommand coloured = logs(false, "logs", "q", "--color");
        assertEquals("/system/v1/logs/v2/tasks?q=q&limit=10&color=true", coloured.target(coloured.colour()));
        LogsCommand followed = logs(false, "logs", "q", "--color", "--follow");
        assertEquals("/system/v1/logs/v2/tasks?q=q&limit=10", followed.target(followed.colour()), "a follow labels its lines itself");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        for (List<String> arguments : List.of(List.of("logs"), List.of("logs", "q", "--since", "yesterday"),
                List.of("logs", "q", "--since", "2026-11-30T10:05:00Z", "--until", "2026-11-30T10:00:00Z"),
                List.of("logs", "q", "--lines", "-1"), List.of("logs", "q", "--grep", ""), List.of("logs", "q", "--filter", "x"),
                List.of("logs", "q", "--colour"), List.of("task", "log", "t", "--until", "5"),
                List.of("node", "log", "a1", "--grep", ""))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = commandLine(false).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                    .execute(arguments.toArray(String[]::new));
            assertEquals(2, exit, arguments + ": " + err);
            assertTrue(err.toString().contains("Usage: clusterlogs " + arguments.get(0)), arguments + ": " + err);
            assertEquals("", out.toString(), arguments.toString());
        }
    }

    private static LogsCommand logs(boolean terminal, String... arguments) {
        return (LogsCommand) parsed(terminal, arguments);
    }

    private static LogOptions options(String... arguments) {
        return ((LogCommand) parsed(false, arguments)).options;
    }

    /** The innermost command's object, its options set as picocli parsed them. */
    private static Object parsed(boolean terminal, String... arguments) {
        CommandLine.ParseResult result = commandLine(terminal).parseArgs(arguments);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec().userObject();
    }

    private static CommandLine commandLine(boolean terminal) {
        return Cli.commandLine(new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]), new StopSignal(), terminal));
    }
}
