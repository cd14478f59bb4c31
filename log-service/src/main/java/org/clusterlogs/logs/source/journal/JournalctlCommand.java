package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.search.TimeBounds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The journalctl command lines this source runs, in one place. Every flag combination here was
 * checked against systemd 252. Two habits of journalctl shape them:
 * <ul>
 *   <li>{@code -n} takes an optional argument, so {@code -n 5} can read "5" as a match;
 *       {@code --lines=5} cannot be misread.</li>
 *   <li>{@code --after-cursor=c} seeks to c and then steps two matching entries, so when c
 *       itself does not match the view it silently skips one entry. We read with the
 *       inclusive {@code --cursor=c} instead and drop c ourselves when it comes first.</li>
 * </ul>
 * {@code --all} keeps journalctl from turning fields over 4 KiB into {@code null}.
 * {@code --follow} implies "the last boot only" unless {@code --merge} is given, and "the last
 * 10 entries" (also after {@code --cursor}) unless {@code --lines=all} is given.
 * {@code --since} cannot go with {@code --cursor}, {@code --until} can; both are only used to skip
 * ahead (to whole seconds, widened outwards): which entries are in the bounds is decided on each
 * entry's own time.
 */
final class JournalctlCommand {

    private final String journalctl;
    private final Path directory;
    private final List<String> matches;
    private final TimeBounds time;

    JournalctlCommand(String journalctl, Path directory, List<String> matches) {
        this(journalctl, directory, matches, TimeBounds.NONE);
    }

    /** @param time the request's bounds: range reads skip what lies wholly outside them */
    JournalctlCommand(String journalctl, Path directory, List<String> matches, TimeBounds time) {
        this.journalctl = journalctl;
        this.directory = directory;
        this.matches = matches;
        this.time = time;
    }

    /** Matching entries forward from a position ({@code After} includes c; the reader drops it). */
    List<String> read(JournalPosition from) {
        List<String> options = new ArrayList<>();
        if (from instanceof JournalPosition.After after) {
            options.add("--cursor=" + after.cursor());
        } else if (from instanceof JournalPosition.At at) {
            options.add("--cursor=" + at.cursor());
        } else if (time.sinceNanos() != Long.MIN_VALUE) {
            options.add("--since=@" + Math.floorDiv(time.sinceNanos(), 1_000_000_000L));
        }
        if (time.hasUntil()) {
            options.add("--until=@" + (Math.floorDiv(time.untilNanos(), 1_000_000_000L) + 1));
        }
        return json(options, true, false);
    }

    /**
     * Every entry after the entry c (from the head when null), then each new one as it is
     * written, never ending; c itself comes first and is dropped by {@link JournalRun}.
     */
    List<String> follow(String afterCursorOrNull) {
        List<String> options = new ArrayList<>(List.of("--merge", "--follow", "--lines=all"));
        if (afterCursorOrNull != null) {
            options.add("--cursor=" + afterCursorOrNull);
        }
        return json(options, true, false);
    }

    /** Every entry from c (included) to the current end, unfiltered; cursors only. */
    List<String> cursorsFrom(String cursor) {
        return json(List.of("--cursor=" + cursor), false, true);
    }

    /** The last {@code lines} matching entries, oldest first; cursors only. */
    List<String> last(int lines) {
        return json(List.of("--lines=" + lines), true, true);
    }

    /**
     * Every matching entry from c (included when it matches) backwards, with its message and
     * time: for counting back over the entries a search accepts.
     */
    List<String> messagesBackFrom(String cursor) {
        return json(List.of("--reverse", "--cursor=" + cursor), true, "__CURSOR,MESSAGE");
    }

    /** Up to {@code lines} matching entries from c (included when it matches) backwards; cursors only. */
    List<String> backFrom(String cursor, int lines) {
        return json(List.of("--reverse", "--cursor=" + cursor, "--lines=" + lines), true, true);
    }

    /** The first entry at or after c in the whole journal, unfiltered: finds out whether c exists. */
    List<String> lookup(String cursor) {
        return json(List.of("--cursor=" + cursor, "--lines=1"), false, true);
    }

    /** Every value a field has in the journal, one a line. */
    static List<String> fieldValues(String journalctl, Path directory, String field) {
        return List.of(journalctl, "--directory=" + directory, "--no-pager", "--field=" + field);
    }

    private List<String> json(List<String> options, boolean filtered, boolean cursorsOnly) {
        return json(options, filtered, cursorsOnly ? "__CURSOR" : null);
    }

    /** @param fields the fields printed (the timestamps always are), or null for all */
    private List<String> json(List<String> options, boolean filtered, String fields) {
        List<String> command = new ArrayList<>();
        command.add(journalctl);
        command.add("--directory=" + directory);
        command.add("--no-pager");
        command.add("--output=json");
        if (fields == null || fields.contains("MESSAGE")) {
            command.add("--all"); // a message over 4 KiB must not print as null
        }
        if (fields != null) {
            command.add("--output-fields=" + fields);
        }
        command.addAll(options);
        if (filtered && !matches.isEmpty()) {
            command.add("--");
            command.addAll(matches);
        }
        return command;
    }
}
