package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.logs.source.BadCursorException;
import org.clusterlogs.logs.source.EmptyReader;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.LogSource;
import org.clusterlogs.logs.source.Position;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The journal of this node, or the part of it one unit wrote ({@code UNIT} or
 * {@code _SYSTEMD_UNIT}), narrowed by a filter. Everything is read through the real journalctl
 * on a journal directory; nothing here parses journal files.
 *
 * <p>A cursor is journald's own cursor string. Positions are {@link JournalPosition}s: head,
 * after an entry, or at (just before) an entry; every count is a count of matching entries.
 *
 * <p>Range reads run journalctl once per request. Followers share one
 * {@code journalctl --follow} per directory ({@link JournalTail}), see {@link JournalReader}.
 */
public final class JournalSource implements LogSource {

    /** journalctl takes {@code --lines} as an int; one is kept for the entry dropped in {@link #back}. */
    private static final long MAX_LINES = Integer.MAX_VALUE - 1;

    private final String journalctl;
    private final Path journalDir;
    private final JournalMatches matches;
    private final JournalctlCommand command;
    private final JournalTails tails;
    /** The request's {@code grep} and {@code since}/{@code until}, decided on each entry here. */
    private final FieldFilter search;

    /**
     * @param journalctl the journalctl executable (a name on the PATH or a path)
     * @param journalDir the directory holding the journal files ({@code --directory})
     * @param unitOrNull the unit of {@code /component/{name}}, or null for the whole journal
     * @param filter     the {@code filter} parameters, AND-ed with the unit
     */
    public JournalSource(String journalctl, Path journalDir, String unitOrNull, FieldFilter filter) {
        this(journalctl, journalDir, unitOrNull, filter, JournalTails.SHARED);
    }

    /** A source whose followers share the tails of {@code tails} (tests use their own). */
    JournalSource(String journalctl, Path journalDir, String unitOrNull, FieldFilter filter, JournalTails tails) {
        this.journalctl = Objects.requireNonNull(journalctl, "journalctl");
        this.journalDir = Objects.requireNonNull(journalDir, "journalDir");
        this.search = filter == null ? FieldFilter.none() : filter;
        this.matches = JournalMatches.of(unitOrNull, search);
        this.command = new JournalctlCommand(journalctl, journalDir, matches.args(), search.time());
        this.tails = Objects.requireNonNull(tails, "tails");
    }

    @Override
    public Position head() {
        return JournalPosition.Head.INSTANCE;
    }

    /**
     * After the last matching entry now; the head when there is none. With a search, after the
     * last entry of the view: no entry of the bounded set lies between the two places.
     */
    @Override
    public Position tail() throws IOException {
        if (matchesNothing()) {
            return head();
        }
        String last = nthCursor(command.last(1), null, 1, FieldFilter.none());
        return last == null ? head() : new JournalPosition.After(last);
    }

    /**
     * After the entry with this cursor. The cursor must be well-formed and name an entry of the
     * journal; the entry need not match this source's unit and filter (reading then starts
     * with the next entry that does), so a cursor taken from the whole journal works here too.
     */
    @Override
    public Position after(String cursor) throws IOException {
        JournalCursors.validate(cursor);
        String found = nthCursor(command.lookup(cursor), null, 1, FieldFilter.none());
        if (found == null || !JournalCursors.sameEntry(cursor, found)) {
            throw new BadCursorException("cursor not found in the journal: " + cursor);
        }
        return new JournalPosition.After(cursor);
    }

    @Override
    public Position back(Position from, long count) throws IOException {
        JournalPosition position = journalPosition(from);
        if (count <= 0) {
            return position;
        }
        if (matchesNothing() || position instanceof JournalPosition.Head) {
            return head();
        }
        int lines = (int) Math.min(count, MAX_LINES);
        String earliest;
        if (search.searches()) {
            // journalctl cannot count what the search accepts: read back until enough were accepted
            String c = position instanceof JournalPosition.After after ? after.cursor()
                    : ((JournalPosition.At) position).cursor();
            earliest = nthCursor(command.messagesBackFrom(c), position instanceof JournalPosition.At ? c : null,
                    lines, search);
        } else if (position instanceof JournalPosition.After after) {
            // backwards from c inclusive: c (when it matches) is the first entry behind "after c"
            earliest = nthCursor(command.backFrom(after.cursor(), lines), null, lines, FieldFilter.none());
        } else {
            // the entries strictly before c: read one more and drop c itself
            String at = ((JournalPosition.At) position).cursor();
            earliest = nthCursor(command.backFrom(at, lines + 1), at, lines, FieldFilter.none());
        }
        return earliest == null ? head() : new JournalPosition.At(earliest);
    }

    @Override
    public EntryReader open(Position from) throws IOException {
        JournalPosition position = journalPosition(from);
        if (matchesNothing()) {
            return EmptyReader.INSTANCE;
        }
        return new JournalReader(command, matches, search, position,
                wakeup -> tails.join(journalctl, journalDir, wakeup));
    }

    /**
     * None: the shared tail's journalctl watches the journal, and the tail wakes each follower
     * when it has a new entry ({@link JournalReader#onNewEntries}). A watch of the directory
     * would wake every follower on every write, before the tail has even read the entry.
     */
    @Override
    public List<Path> watchPaths() {
        return List.of();
    }

    /** A journal is written by every unit of the node: its followers send in batches. */
    @Override
    public boolean followsInBatches() {
        return true;
    }

    @Override
    public String toString() {
        return "JournalSource[" + journalctl + " --directory=" + journalDir + " " + matches.args() + "]";
    }

    private boolean matchesNothing() {
        return matches.matchesNothing() || search.time().empty();
    }

    /**
     * The {@code wanted}-th cursor a run prints (1-based) of the entries {@code search} accepts,
     * skipping a first entry that is {@code drop}; null when the run prints fewer. The run is
     * killed once the answer is known.
     */
    private static String nthCursor(List<String> command, String drop, int wanted, FieldFilter search)
            throws IOException {
        try (JournalProcess run = JournalProcess.start(command)) {
            int seen = 0;
            boolean first = true;
            for (ObjectNode json = run.nextObject(); json != null; json = run.nextObject()) {
                String cursor = JournalEntryParser.cursor(json);
                boolean dropped = first && drop != null && JournalCursors.sameEntry(drop, cursor);
                first = false;
                if (!dropped && search.searchAccepts(JournalEntryParser.entry(json)) && ++seen == wanted) {
                    return cursor;
                }
            }
            return null;
        }
    }

    private static JournalPosition journalPosition(Position position) {
        if (position instanceof JournalPosition p) {
            return p;
        }
        throw new IllegalArgumentException("not a journal position: " + position);
    }
}
