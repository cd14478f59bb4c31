package org.clusterlogs.logs.source.file;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.LineBuffer;
import org.clusterlogs.logs.source.LineEntries;
import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.source.rotation.FileSegment;
import org.clusterlogs.logs.source.rotation.PlainRotation;
import org.clusterlogs.logs.source.rotation.RotatingInput;
import org.clusterlogs.logs.source.search.LiteralFinder;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads a file's lines forward and keeps reading as it grows and rotates: the bytes come from
 * {@link RotatingInput}, which moves on to the next file of the rotation (or to the start of
 * a truncated file) when the current one is finished. The partial last line of a finished file
 * becomes an entry of its own; a line's cursor is the offset of its newline in its file.
 *
 * <p>With {@code grep}, whole lines without the literal every match holds are skipped in the
 * read buffer before they are cut out ({@link LiteralFinder}): only lines around a hit are
 * looked at line by line.
 */
final class LineFileReader implements EntryReader {

    private static final int CHUNK = 64 * 1024;
    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

    private final RotatingInput<FileSegment> input;
    private final int maxLineBytes;
    private final LineEntries entries;
    /** Finds the literal of {@code grep} in raw bytes; null without one. */
    private final LiteralFinder finder;
    /** Whether a line that holds the literal is wanted without another look ({@link LineEntries#literalDecides()}). */
    private final boolean literalDecides;
    /** Where in {@code buffer} the last skip found the literal, or -1: the line around it holds it. */
    private int hit = -1;
    /** The read buffer while there is data; dropped at the end, so an idle follower holds none. */
    private ByteBuffer buffer = NONE;
    private final LineBuffer pending = new LineBuffer(256);
    /** Offset in the current file of {@code buffer}'s first byte. */
    private long bufferOffset;

    LineFileReader(RootedPath file, long offset, int maxLineBytes, LineEntries entries) throws IOException {
        this.input = new PlainRotation(file).open(offset);
        this.maxLineBytes = maxLineBytes;
        this.entries = entries;
        this.finder = entries.finder().orElse(null);
        this.literalDecides = finder != null && entries.literalDecides();
        this.bufferOffset = offset;
    }

    @Override
    public Entry next() throws IOException {
        while (true) {
            Entry line = scanLine();
            if (line != null) {
                return line;
            }
            if (buffer == NONE) {
                buffer = ByteBuffer.allocate(CHUNK);
            }
            buffer.clear();
            hit = -1;
            long readFrom = input.offset();
            int n = input.read(buffer);
            buffer.flip();
            if (n == 0) {
                buffer = NONE;
                return null;
            }
            if (n == RotatingInput.NEXT_FILE) {
                Entry last = flushAt(readFrom);
                bufferOffset = 0;
                if (last != null) {
                    return last;
                }
                continue;
            }
            bufferOffset = readFrom;
        }
    }

    @Override
    public Entry flushPartial() {
        return flushAt(input.offset());
    }

    private Entry flushAt(long cursor) {
        if (pending.length() == 0) {
            return null;
        }
        return accept(pending.take(), cursor, false, false);
    }

    /** The next complete line (or cap-sized piece) in what has been read, or null. */
    private Entry scanLine() {
        while (buffer.hasRemaining()) {
            byte[] bytes = buffer.array();
            if (finder != null && pending.length() == 0) {
                skipLinesWithoutLiteral(bytes);
            }
            int from = buffer.position();
            int room = maxLineBytes - pending.length();
            int searchEnd = (int) Math.min(buffer.limit(), (long) from + room + 1);
            // a skip left the reader at the start of the hit's line: no newline lies before the hit
            boolean atHit = hit >= from && hit < searchEnd && pending.length() == 0;
            int newline = LiteralFinder.NEWLINE.indexOf(bytes, atHit ? hit : from, searchEnd);
            Entry entry;
            if (newline >= 0) {
                byte[] line = pending.takeWith(bytes, from, newline - from);
                buffer.position(newline + 1);
                entry = accept(line, bufferOffset + newline, false, atHit && hit + finder.length() <= newline);
            } else if (pending.length() + (searchEnd - from) > maxLineBytes) {
                byte[] piece = pending.takeWith(bytes, from, room);
                buffer.position(from + room);
                entry = accept(piece, bufferOffset + from + room, true, atHit && hit + finder.length() <= from + room);
            } else {
                pending.append(bytes, from, buffer.limit() - from);
                buffer.position(buffer.limit());
                return null;
            }
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /**
     * Moves past the complete lines before the next hit of the literal (all of the buffer's
     * complete lines when there is none): none of them can match. From a line's start (or a
     * split piece's end) with nothing pending, so no line is cut.
     */
    private void skipLinesWithoutLiteral(byte[] bytes) {
        int from = buffer.position();
        hit = finder.indexOf(bytes, from, buffer.limit());
        buffer.position(LiteralFinder.skipTo(bytes, from, buffer.limit(), hit));
    }

    /** @param holdsLiteral the skip found the literal inside this line (or piece) */
    private Entry accept(byte[] line, long cursor, boolean split, boolean holdsLiteral) {
        boolean wanted = holdsLiteral && literalDecides || entries.accepts(line, split, null, -1);
        return wanted ? entries.entry(line, cursor, split) : null;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }

    @Override
    public String toString() {
        return "LineFileReader[" + input + "]";
    }
}
