package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Streams entries from one journalctl run at a time, never {@code journalctl -f}: an idle
 * follower holds no process and no thread. When a run is exhausted {@link #next()} answers
 * {@code null}; the next call starts a new run right after the last entry returned (by cursor,
 * so file rotation between runs loses and repeats nothing). While the journal directory shows
 * no change since the previous run started, no new run is started at all.
 */
final class JournalReader implements EntryReader {

    private final JournalctlCommand command;
    private final Path directory;
    private final Duration settle;
    /** Where the next run starts: the opening position, then after the last entry returned. */
    private JournalPosition from;
    private volatile JournalProcess run;
    private boolean firstOfRun;
    private JournalDirectoryState runStartedIn;
    /** Set when a run ended with nothing more: the state it started in. */
    private JournalDirectoryState exhaustedIn;
    private int runs;
    private volatile boolean closed;

    JournalReader(JournalctlCommand command, Path directory, JournalPosition from, Duration settle) {
        this.command = command;
        this.directory = directory;
        this.from = from;
        this.settle = settle;
    }

    @Override
    public Entry next() throws IOException {
        while (!closed) {
            JournalProcess current = run;
            if (current == null) {
                current = startRun();
                if (current == null) {
                    return null;
                }
            }
            ObjectNode json;
            try {
                json = current.nextObject();
            } catch (IOException e) {
                discard(current);
                if (closed) {
                    return null;
                }
                throw e;
            }
            if (json == null) {
                exhaustedIn = runStartedIn;
                discard(current);
                return null;
            }
            String cursor = JournalEntryParser.cursor(json);
            boolean dropped = firstOfRun && from instanceof JournalPosition.After after
                    && JournalCursors.sameEntry(after.cursor(), cursor);
            firstOfRun = false;
            if (!dropped) {
                from = new JournalPosition.After(cursor);
                return JournalEntryParser.entry(json);
            }
        }
        return null;
    }

    /** Starts the next run, unless the previous one reached the end and nothing changed since. */
    private JournalProcess startRun() throws IOException {
        JournalDirectoryState now = JournalDirectoryState.take(directory, settle);
        if (exhaustedIn != null && exhaustedIn.unchangedIn(now)) {
            return null;
        }
        JournalProcess started = JournalProcess.start(command.read(from));
        run = started;
        runs++;
        runStartedIn = now;
        firstOfRun = true;
        if (closed) {
            discard(started);
            return null;
        }
        return started;
    }

    private void discard(JournalProcess process) throws IOException {
        if (run == process) {
            run = null;
        }
        process.close();
    }

    /** How many journalctl runs this reader started (tests check idle calls start none). */
    int runs() {
        return runs;
    }

    /** The running journalctl, if any (tests check close kills it). */
    Optional<ProcessHandle> process() {
        JournalProcess current = run;
        return current == null ? Optional.empty() : Optional.of(current.handle());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        JournalProcess current = run;
        run = null;
        if (current != null) {
            current.close();
        }
    }
}
