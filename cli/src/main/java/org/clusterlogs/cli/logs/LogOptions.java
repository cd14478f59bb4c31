package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.http.ApiRequest;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code task log}, {@code node log} and {@code logs} share: which entries (time bounds,
 * a regular expression, filters), how many of the last ones, following, and the output format.
 */
public class LogOptions {

    /** The last lines printed when neither {@code --lines} nor {@code --since} says otherwise. */
    static final int DEFAULT_LINES = 10;

    @Option(names = {"-n", "--lines"}, paramLabel = "N",
            description = "The last N lines (default " + DEFAULT_LINES + ", or every line since --since; 0 with --follow: only new lines).")
    Integer lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines; survives a dropped connection or a node's restart. Ctrl-C ends.")
    boolean follow;

    @Option(names = "--since", paramLabel = "TIME", converter = TimeBound.class,
            description = "Only entries at or after TIME: RFC 3339 (2026-11-30T10:02:00Z) or an age (10m; ms, s, m, h, d).")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeBound.class,
            description = "Only entries before TIME (same forms as --since); a follow ends there.")
    Instant until;

    @Option(names = "--grep", paramLabel = "REGEX", description = "Only entries whose message contains a match of REGEX (searched by the server).")
    String grep;

    @Option(names = "--filter", paramLabel = "FIELD:VALUE",
            description = "Only entries whose FIELD is VALUE; repeatable (same field: any of them, different fields: all).")
    List<String> filters = new ArrayList<>();

    @Option(names = "--json", description = "Each entry as a line of JSON (NDJSON), as the server sends it.")
    boolean json;

    /** These options, once they make sense together; a usage error otherwise. */
    public LogOptions checked(CommandSpec spec) {
        if (lines != null && lines < 0) {
            throw new ParameterException(spec.commandLine(), "--lines must be 0 or more, got " + lines);
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new ParameterException(spec.commandLine(), "--since (" + TimeBound.format(since)
                    + ") must not be after --until (" + TimeBound.format(until) + ")");
        }
        if (grep != null && grep.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--grep needs a regular expression, got ''");
        }
        for (String filter : filters) {
            if (filter.indexOf(':') < 1) {
                throw new ParameterException(spec.commandLine(), "--filter must be FIELD:VALUE, got '" + filter + "'");
            }
        }
        return this;
    }

    /**
     * How many of the last entries to print: {@code --lines}, else every entry of the bounded set
     * when {@code --since} gives its start (null), else {@value #DEFAULT_LINES}.
     */
    public Integer lines() {
        return lines != null ? lines : since != null ? null : Integer.valueOf(DEFAULT_LINES);
    }

    public boolean follow() {
        return follow;
    }

    public boolean json() {
        return json;
    }

    /** Whether a follow ends where the server ends its stream ({@code --until}) rather than reconnecting. */
    public boolean bounded() {
        return until != null;
    }

    /** The query parameters that bound the set of entries: since, until, grep, filters (positioning aside). */
    public List<String> boundParameters() {
        List<String> parameters = new ArrayList<>();
        if (since != null) {
            parameters.add(ApiRequest.parameter("since", TimeBound.format(since)));
        }
        if (until != null) {
            parameters.add(ApiRequest.parameter("until", TimeBound.format(until)));
        }
        if (grep != null) {
            parameters.add(ApiRequest.parameter("grep", grep));
        }
        for (String filter : filters) {
            parameters.add(ApiRequest.parameter("filter", filter));
        }
        return parameters;
    }
}
