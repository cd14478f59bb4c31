package org.clusterlogs.logs.source.component;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.LogSource;
import org.clusterlogs.logs.source.SafePaths;
import org.clusterlogs.logs.source.file.LineFileSource;
import org.clusterlogs.logs.source.file.ScanMemo;
import org.clusterlogs.logs.source.journal.JournalSource;
import org.clusterlogs.logs.source.journal.JournalUnits;
import org.clusterlogs.logs.source.root.ConfiguredRoots;
import org.clusterlogs.logs.source.root.RootedPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds a component's log: the file {@code <name>.log} in the components directory when it
 * exists, else the journal entries of the unit {@code <name>}. One source interface for both.
 */
@ApplicationScoped
public class ComponentSources {

    private final LogsConfig config;
    private final ConfiguredRoots roots;
    private final ScanMemo memo;

    public ComponentSources(LogsConfig config, ConfiguredRoots roots, ScanMemo memo) {
        this.config = config;
        this.roots = roots;
        this.memo = memo;
    }

    public LogSource journal(FieldFilter filter) {
        if (!Files.isDirectory(roots.journalDir())) {
            throw new LogNotFoundException("this node does not serve a journal: " + roots.journalDir()
                    + " does not exist (logs.journal-dir)");
        }
        return new JournalSource(config.journalctl(), roots.journalDir(), null, filter);
    }

    public LogSource component(String name, FieldFilter filter) throws IOException {
        SafePaths.segment(name, "component name");
        String fileName = name + ".log";
        RootedPath file = new RootedPath(roots.components(), Path.of(fileName));
        if (exists(file)) {
            SortedMap<String, String> fields = new TreeMap<>();
            fields.put("COMPONENT", name);
            fields.put("FILE", fileName);
            return new LineFileSource(file, fields, filter, config.maxLineBytes(), memo);
        }
        if (Files.isDirectory(roots.journalDir())
                && JournalUnits.exists(config.journalctl(), roots.journalDir(), name)) {
            return new JournalSource(config.journalctl(), roots.journalDir(), name, filter);
        }
        throw new LogNotFoundException("unknown component: " + name
                + " (no unit of that name in the journal and no " + fileName + ")");
    }

    /** Whether something is there; a link out of the root is refused, not taken for a unit name. */
    private static boolean exists(RootedPath file) throws IOException {
        try {
            file.resolve();
            return true;
        } catch (LogNotFoundException e) {
            return false;
        }
    }
}
