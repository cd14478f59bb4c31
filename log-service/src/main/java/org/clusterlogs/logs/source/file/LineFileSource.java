package org.clusterlogs.logs.source.file;

import org.clusterlogs.logs.source.BadCursorException;
import org.clusterlogs.logs.source.EmptyReader;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.LineEntries;
import org.clusterlogs.logs.source.LogSource;
import org.clusterlogs.logs.source.Position;
import org.clusterlogs.logs.source.ReverseScanner;
import org.clusterlogs.logs.source.UnchangedBytes;
import org.clusterlogs.logs.source.root.RootedPath;

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

    private final RootedPath file;
    private final int maxLineBytes;
    private final boolean matchesNothing;
    private final LineEntries entries;

    public LineFileSource(RootedPath file, SortedMap<String, String> constantFields, FieldFilter filter,
                          int maxLineBytes) {
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        this.entries = new LineEntries(constantFields, filter);
        this.matchesNothing = entries.matchesNothing();
    }

    @Override
    public Position head() {
        return new FileOffset(0);
    }

    @Override
    public Position tail() throws IOException {
        try (FileChannel channel = file.openFile().channel()) {
            return new FileOffset(channel.size());
        }
    }

    @Override
    public Position after(String cursor) throws IOException {
        long offset = parseOffset(cursor);
        try (FileChannel channel = file.openFile().channel()) {
            long size = channel.size();
            if (offset > size) {
                return new FileOffset(0);
            }
            if (offset < size && new ReverseScanner(channel).byteAt(offset) == '\n') {
                return new FileOffset(offset + 1);
            }
            return new FileOffset(offset);
        }
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
        try (FileChannel channel = file.openFile().channel()) {
            ReverseScanner scan = new ReverseScanner(channel);
            long size = channel.size();
            pos = Math.min(pos, size);
            long counted = 0;
            while (counted < count && pos > 0) {
                boolean atLineEnd = scan.byteAt(pos - 1) == '\n';
                long end = atLineEnd ? pos - 1 : pos;
                long start = pos >= 2 ? scan.lastNewlineAtOrBefore(pos - 2) + 1 : 0;
                long length = end - start;
                long entryStart = length > maxLineBytes ? start + (length - 1) / maxLineBytes * maxLineBytes : start;
                // a piece that stops inside a line is one of the SPLIT pieces of that line
                boolean splitPiece = !atLineEnd && pos < size;
                if (!entries.filtersLines() || entries.accepts(scan.read(entryStart, end), splitPiece, null)) {
                    counted++;
                }
                pos = entryStart;
            }
            return new FileOffset(pos);
        }
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
        FileChannel channel = file.openFile().channel();
        try {
            long size = channel.size();
            long start = ((FileOffset) from).offset();
            if (start >= size) {
                channel.close();
                return Optional.empty();
            }
            ReverseScanner scan = new ReverseScanner(channel, size);
            long lineStart = start;
            while (size - lineStart > maxLineBytes) {
                long newline = scan.lastNewlineAtOrBefore(lineStart + maxLineBytes);
                if (newline < lineStart) {
                    channel.close();
                    return Optional.empty(); // a line longer than the cap: its pieces are marked
                }
                lineStart = newline + 1;
            }
            return Optional.of(new UnchangedBytes(channel, start, size, scan.byteAt(size - 1) != '\n'));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public List<Path> watchPaths() {
        return List.of(file.absolute());
    }
}
