package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * One journalctl run that reads forward from a position. For {@link JournalPosition.After}
 * journalctl is given the inclusive {@code --cursor=c} (see {@link JournalctlCommand}), and c
 * itself is dropped here when it comes first; so a run started after the last entry a reader
 * has loses and repeats nothing, also across rotation.
 *
 * <p>A run of whole entries checks each one against its hash ({@link JournalEntryHash}): an
 * entry journalctl printed while the journal's writer was still linking it lacks a field, and
 * is read again with a new journalctl from its own cursor, which then goes on in its place
 * (also for {@code --follow}). When the entry still lacks a field after {@value #REREADS} more
 * reads over 110 ms (no writer stays in the middle of an entry that long; an entry written with
 * the same {@code FIELD=value} twice never matches its hash), it is served as journalctl prints
 * it.
 */
final class JournalRun implements Closeable {

    private static final Logger LOG = Logger.getLogger(JournalRun.class);
    /** The wait before each new read of an entry that lacked a field. */
    private static final long[] REREAD_DELAYS_MS = {0, 10, 100};
    static final int REREADS = 3;

    private final String dropFirst;
    /** The command that reads whole entries from a cursor, included; null for a run of cursors only. */
    private final Function<String, List<String>> fromCursor;
    private volatile JournalProcess process;
    private volatile boolean closed;
    private boolean first = true;
    /** An entry the last re-read printed after the one it was for (journalctl skipped that one). */
    private ObjectNode pending;

    private JournalRun(JournalProcess process, String dropFirst, Function<String, List<String>> fromCursor) {
        this.process = process;
        this.dropFirst = dropFirst;
        this.fromCursor = fromCursor;
    }

    /** Starts {@code command}, which must read forward from {@code from}; its entries are not checked. */
    static JournalRun start(List<String> command, JournalPosition from) throws IOException {
        return start(command, from, null);
    }

    /**
     * Starts {@code command}, which must read whole entries forward from {@code from};
     * {@code fromCursor} gives the same command reading from a cursor, that entry included.
     */
    static JournalRun entries(List<String> command, JournalPosition from, Function<String, List<String>> fromCursor)
            throws IOException {
        return start(command, from, fromCursor);
    }

    private static JournalRun start(List<String> command, JournalPosition from,
            Function<String, List<String>> fromCursor) throws IOException {
        String after = from instanceof JournalPosition.After a ? a.cursor() : null;
        return new JournalRun(JournalProcess.start(command), after, fromCursor);
    }

    /** The next entry after the start position, or null when journalctl is done. */
    ObjectNode next() throws IOException {
        ObjectNode json = nextPrinted();
        if (json != null && first) {
            first = false;
            if (dropFirst != null && JournalCursors.sameEntry(dropFirst, JournalEntryParser.cursor(json))) {
                json = nextPrinted();
            }
        }
        if (json == null || fromCursor == null || JournalEntryHash.complete(json)) {
            return json;
        }
        return readAgain(json);
    }

    private ObjectNode nextPrinted() throws IOException {
        ObjectNode json = pending;
        if (json != null) {
            pending = null;
            return json;
        }
        return process.nextObject();
    }

    /**
     * Reads an entry that lacked a field again, each time with a new journalctl that goes on
     * from it; answers the entry as complete as it got, or null when this run was closed.
     */
    private ObjectNode readAgain(ObjectNode partial) throws IOException {
        String cursor = JournalEntryParser.cursor(partial);
        ObjectNode latest = partial;
        for (int i = 0; i < REREADS; i++) {
            if (!pause(REREAD_DELAYS_MS[i])) {
                return latest;
            }
            JournalProcess again = JournalProcess.start(fromCursor.apply(cursor));
            JournalProcess old = process;
            process = again;
            old.close();
            if (closed) { // close() may have seen the old process only
                again.close();
                return null;
            }
            ObjectNode json = again.nextObject();
            if (json == null) {
                return closed ? null : latest; // the entry is gone (vacuumed); this run ends after it
            }
            if (!JournalCursors.sameEntry(cursor, JournalEntryParser.cursor(json))) {
                pending = json;
                return latest;
            }
            if (JournalEntryHash.complete(json)) {
                LOG.debugf("journalctl printed entry %s without all its fields while it was written; read again", cursor);
                return json;
            }
            latest = json;
        }
        LOG.debugf("journal entry %s does not match its hash after %d reads; served as journalctl prints it",
                cursor, REREADS + 1);
        return latest;
    }

    private static boolean pause(long millis) {
        if (millis == 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    ProcessHandle handle() {
        return process.handle();
    }

    /** Kills journalctl if it still runs. */
    @Override
    public void close() throws IOException {
        closed = true;
        process.close();
    }
}
