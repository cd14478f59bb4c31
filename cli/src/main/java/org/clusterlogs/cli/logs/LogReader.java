package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.StopSignal;
import org.clusterlogs.cli.http.ApiRequest;
import org.clusterlogs.cli.http.ClusterClient;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a log of the logging API (a task's file, a node's component): the last lines as
 * log-service's text, or, following, its event stream through a {@link LogFollower}.
 */
public final class LogReader {

    private final ClusterClient client;
    private final PrintWriter out;
    private final PrintWriter err;
    private final StopSignal stop;

    public LogReader(ClusterClient client, PrintWriter out, PrintWriter err, StopSignal stop) {
        this.client = client;
        this.out = out;
        this.err = err;
        this.stop = stop;
    }

    /** A reader that writes to the command's out and err, stopped by the context's signal. */
    public static LogReader of(CliContext context, CommandSpec spec) {
        return new LogReader(context.client(), spec.commandLine().getOut(), spec.commandLine().getErr(), context.stop());
    }

    /** Prints the log at {@code path} (a route of the logging API at the cluster's address) as {@code options} say. */
    public void print(String path, LogOptions options) throws IOException, InterruptedException {
        print(path + "?" + query(options), options, EventPrinter.single(out, options.json()));
    }

    /**
     * Prints {@code target} (a log route with its query): a follow through {@code printer}, else
     * the range as the server formats it, text or NDJSON ({@code --lines 0}: nothing).
     */
    void print(String target, LogOptions options, EventPrinter printer) throws IOException, InterruptedException {
        if (options.follow()) {
            new LogFollower(client, printer, err, stop, options.bounded()).follow(target);
        } else if (!Integer.valueOf(0).equals(options.lines())) {
            printRange(target, options.json() ? "application/json" : "text/plain");
        }
    }

    /** Writes the server's answer through as it is; stdout gets nothing but the log. */
    private void printRange(String target, String accept) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = ClusterClient.expectSuccess(client.send(ApiRequest.get(target).header("Accept", accept)));
        try (Reader text = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
            text.transferTo(out);
        }
        out.flush();
    }

    /**
     * The last {@code lines} entries and on ({@code cursor=END&skip=-N}), or every entry from the
     * start of the bounded set ({@code cursor=BEG}) when {@code --since} asks for all of them;
     * then the bounds.
     */
    static String query(LogOptions options) {
        List<String> parameters = new ArrayList<>();
        Integer lines = options.lines();
        parameters.add(ApiRequest.parameter("cursor", lines == null ? "BEG" : "END"));
        if (lines != null && lines > 0) {
            parameters.add(ApiRequest.parameter("skip", -lines));
        }
        parameters.addAll(options.boundParameters());
        return String.join("&", parameters);
    }
}
