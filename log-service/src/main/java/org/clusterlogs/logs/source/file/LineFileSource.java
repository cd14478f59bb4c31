package org.clusterlogs.logs.source.file;

import org.clusterlogs.logs.source.BadCursorException;
import org.clusterlogs.logs.source.EmptyReader;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.FileLook;
import org.clusterlogs.logs.source.LineEntries;
import org.clusterlogs.logs.source.LogSource;
import org.clusterlogs.logs.source.Position;
import org.clusterlogs.logs.source.ReverseScanner;
import org.clusterlogs.logs.source.UnchangedBytes;
import org.clusterlogs.logs.source.root.OpenedFile;
import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.source.search.LiteralFinder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A plain text log file read line by line: task sandbox files and component log files.
 *
 * <p>A cursor is a byte offset. The cursor of a line is the offset of its terminating
 * {@code '\n'} (the reference's "end-of-line offset"); reading from such an offset starts with
 * the next line, reading from any other offset starts with the rest of the line there. Blank
 * lines are lines. A cursor past the end of the file means the file was replaced since the
 * cursor was taken, and reading starts at the beginning of the current file.
 */
public final class LineFileSource implements LogSource {

    /** How far back a search for {@code grep}'s literal looks at once: from the first, up to the second. */
    private static final int MIN_REACH = 4 * 1024;
    private static final int MAX_REACH = 64 * 1024;

    private final RootedPath file;
    private final int maxLineBytes;
    private final boolean matchesNothing;
    private final LineEntries entries;
    private final ScanMemo memo;
    private OpenedFile opened;

    public LineFileSource(RootedPath file, SortedMap<String, String> constantFields, FieldFilter filter,
                          int maxLineBytes, ScanMemo memo) {
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        this.memo = memo;
        LineEntries.requireNoTimeBounds(filter, "plain log files (task sandbox files, component .log files)");
        this.entries = new LineEntries(constantFields, filter);
        this.matchesNothing = entries.matchesNothing();
    }

    @Override
    public Position head() {
        return new FileOffset(0);
    }

    @Override
    public Position tail() throws IOException {
        return new FileOffset(channel().size());
    }

    @Override
    public Position after(String cursor) throws IOException {
        long offset = parseOffset(cursor);
        FileChannel channel = channel();
        long size = channel.size();
        if (offset > size) {
            return new FileOffset(0);
        }
        if (offset < size) {
            try (ReverseScanner scan = ReverseScanner.borrowing(channel, -1)) {
                if (scan.byteAt(offset) == '\n') {
                    return new FileOffset(offset + 1);
                }
            }
        }
        return new FileOffset(offset);
    }

    static long parseOffset(String cursor) {
        long offset;
        try {
            offset = Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new BadCursorException("cursor must be BEG, END or a byte offset, got '" + cursor + "'");
        }
        if (offset < 0) {
            throw new BadCursorException("cursor must not be negative, got " + offset);
        }
        return offset;
    }

    @Override
    public Position back(Position from, long count) throws IOException {
        long pos = ((FileOffset) from).offset();
        if (matchesNothing) {
            return from;
        }
        FileChannel channel = channel();
        FileLook look = look();
        long size = channel.size();
        boolean memorable = !entries.filtersLines() && size == look.size();
        ScanMemo.Back question = new ScanMemo.Back(look, maxLineBytes, pos, count);
        Long known = memorable ? memo.back(question) : null;
        if (known != null) {
            return new FileOffset(known);
        }
        long start;
        try (ReverseScanner scan = ReverseScanner.borrowing(channel, -1)) {
            start = back(scan, size, pos, count);
        }
        if (memorable && channel.size() == size) {
            memo.back(question, start);
        }
        return new FileOffset(start);
    }

    /**
     * Moves back from {@code pos} over {@code count} wanted entries (pieces of long lines count).
     * With {@code grep}, the lines without its literal are passed over a block at a time
     * ({@link #skipBack}), so the last N matches of a big file cost about a forward search of
     * the part read, not one read per line.
     */
    private long back(ReverseScanner scan, long size, long from, long count) throws IOException {
        long pos = Math.min(from, size);
        long counted = 0;
        boolean filters = entries.filtersLines();
        LiteralFinder finder = entries.finder().orElse(null);
        byte[] block = finder == null ? null : new byte[MAX_REACH];
        int reach = MIN_REACH;
        while (counted < count && pos > 0) {
            if (finder != null) {
                int n = (int) Math.min(reach, pos);
                scan.copy(pos - n, block, n);
                int last = lastOccurrence(finder, block, n);
                // none: look further back at once next time; a hit: its line is counted next
                reach = last < 0 ? Math.min(2 * reach, MAX_REACH) : MIN_REACH;
                long skipped = skipBack(block, n, pos, last);
                if (skipped < pos) {
                    pos = skipped;
                    continue;
                }
            }
            boolean atLineEnd = scan.byteAt(pos - 1) == '\n';
            long end = atLineEnd ? pos - 1 : pos;
            long start = pos >= 2 ? scan.lastNewlineAtOrBefore(pos - 2) + 1 : 0;
            long length = end - start;
            long entryStart = length > maxLineBytes ? start + (length - 1) / maxLineBytes * maxLineBytes : start;
            // a piece that stops inside a line is one of the SPLIT pieces of that line
            boolean splitPiece = !atLineEnd && pos < size;
            if (!filters || entries.accepts(scan.read(entryStart, end), splitPiece, null, -1)) {
                counted++;
            }
            pos = entryStart;
        }
        return pos;
    }

    /** Where the literal last starts in {@code block[0, n)}, or -1. */
    private static int lastOccurrence(LiteralFinder finder, byte[] block, int n) {
        int last = -1;
        for (int hit = finder.indexOf(block, 0, n); hit >= 0; hit = finder.indexOf(block, hit + 1, n)) {
            last = hit;
        }
        return last;
    }

    /**
     * Where a backward count at {@code pos} may go on, given the {@code n} bytes before it and
     * the last occurrence of the literal in them: past the lines after that occurrence (all
     * complete lines of the block when there is none; down to the file's start when the block
     * starts there). None of those lines can match. {@code pos} itself when nothing can be
     * passed over (the literal is in the last line, or the block holds no line end).
     */
    private static long skipBack(byte[] block, int n, long pos, int lastHit) {
        long blockStart = pos - n;
        if (lastHit < 0 && blockStart == 0) {
            return 0;
        }
        int newline = LiteralFinder.NEWLINE.indexOf(block, Math.max(lastHit, 0), n);
        return newline < 0 ? pos : blockStart + newline + 1;
    }

    @Override
    public EntryReader open(Position from) throws IOException {
        if (matchesNothing) {
            return EmptyReader.INSTANCE;
        }
        return new LineFileReader(file, ((FileOffset) from).offset(), maxLineBytes, entries);
    }

    /**
     * Without a filter, the text of the lines from {@code from} to the end is the file's bytes,
     * unless a line is longer than the cap (it is split with a marker). That is checked without
     * reading the file: from the start of a line, the next newline must come within the cap, so
     * one look backwards from {@code start + cap} finds it or proves the line too long.
     */
    @Override
    public Optional<UnchangedBytes> unchangedText(Position from) throws IOException {
        if (matchesNothing || entries.filtersLines()) {
            return Optional.empty();
        }
        FileChannel channel = channel();
        FileLook look = look();
        opened = null; // from here on, whoever sends the bytes owns the file
        try {
            long size = channel.size();
            long start = ((FileOffset) from).offset();
            if (start >= size) {
                channel.close();
                return Optional.empty();
            }
            ScanMemo.Unchanged question = new ScanMemo.Unchanged(look, maxLineBytes, start);
            ScanMemo.UnchangedAnswer answer = size == look.size() ? memo.unchanged(question) : null;
            if (answer == null) {
                answer = checkUnchanged(channel, start, size);
                if (size == look.size() && channel.size() == size) {
                    memo.unchanged(question, answer);
                }
            }
            if (!answer.unchanged()) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new UnchangedBytes(channel, start, size, answer.endsInPartialLine()));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Whether every line from {@code start} to {@code size} is within the cap (a line longer is marked). */
    private ScanMemo.UnchangedAnswer checkUnchanged(FileChannel channel, long start, long size) throws IOException {
        try (ReverseScanner scan = ReverseScanner.borrowing(channel, size)) {
            long lineStart = start;
            while (size - lineStart > maxLineBytes) {
                long newline = scan.lastNewlineAtOrBefore(lineStart + maxLineBytes);
                if (newline < lineStart) {
                    return new ScanMemo.UnchangedAnswer(false, false);
                }
                lineStart = newline + 1;
            }
            return new ScanMemo.UnchangedAnswer(true, scan.byteAt(size - 1) != '\n');
        }
    }

    /** How the opened file looked right after it was opened. */
    private FileLook look() {
        return FileLook.of(opened.attributes());
    }

    /**
     * The file, opened once for all the positioning of a request (each open walks the path
     * through the root's checks) and kept until {@link #close()}.
     */
    private FileChannel channel() throws IOException {
        if (opened == null) {
            opened = file.openFile();
        }
        return opened.channel();
    }

    @Override
    public void close() throws IOException {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }

    @Override
    public List<Path> watchPaths() {
        return List.of(file.absolute());
    }
}
