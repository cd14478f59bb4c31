package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * One journalctl run that reads forward from a position. For {@link JournalPosition.After}
 * journalctl is given the inclusive {@code --cursor=c} (see {@link JournalctlCommand}), and c
 * itself is dropped here when it comes first; so a run started after the last entry a reader
 * has loses and repeats nothing, also across rotation.
 */
final class JournalRun implements Closeable {

    private final JournalProcess process;
    private final String dropFirst;
    private boolean first = true;

    private JournalRun(JournalProcess process, String dropFirst) {
        this.process = process;
        this.dropFirst = dropFirst;
    }

    /** Starts {@code command}, which must read forward from {@code from}. */
    static JournalRun start(List<String> command, JournalPosition from) throws IOException {
        String after = from instanceof JournalPosition.After a ? a.cursor() : null;
        return new JournalRun(JournalProcess.start(command), after);
    }

    /** The next entry after the start position, or null when journalctl is done. */
    ObjectNode next() throws IOException {
        ObjectNode json = process.nextObject();
        if (json != null && first) {
            first = false;
            if (dropFirst != null && JournalCursors.sameEntry(dropFirst, JournalEntryParser.cursor(json))) {
                json = process.nextObject();
            }
        }
        return json;
    }

    ProcessHandle handle() {
        return process.handle();
    }

    /** Kills journalctl if it still runs. */
    @Override
    public void close() throws IOException {
        process.close();
    }
}
