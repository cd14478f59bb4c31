package org.clusterlogs.cli.logs;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;

/** What {@code task log} and {@code node log} share: how many lines, following, filters. */
public class LogOptions {

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10",
            description = "The last N lines (default ${DEFAULT-VALUE}; 0 with --follow: only new lines).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines; survives a dropped connection or a node's restart. Ctrl-C ends.")
    boolean follow;

    @Option(names = "--filter", paramLabel = "FIELD:VALUE",
            description = "Only entries whose FIELD is VALUE; repeatable (same field: any of them, different fields: all).")
    List<String> filters = new ArrayList<>();

    /** These options, once they make sense together; a usage error otherwise. */
    public LogOptions checked(CommandSpec spec) {
        if (lines < 0) {
            throw new ParameterException(spec.commandLine(), "--lines must be 0 or more, got " + lines);
        }
        for (String filter : filters) {
            if (filter.indexOf(':') < 1) {
                throw new ParameterException(spec.commandLine(), "--filter must be FIELD:VALUE, got '" + filter + "'");
            }
        }
        return this;
    }

    public int lines() {
        return lines;
    }

    public boolean follow() {
        return follow;
    }

    public List<String> filters() {
        return filters;
    }
}
