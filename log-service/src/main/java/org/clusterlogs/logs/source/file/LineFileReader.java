package org.clusterlogs.logs.source.file;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.LineBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a file's lines forward and keeps reading it as it grows. At the end of the data it
 * notices both rotation styles: rename-and-create (the path now names another file: the old
 * one is read to its end first) and copy-truncate (the file is shorter than what was read, or
 * the bytes just before the read position changed). Either way it goes on at the start of the
 * file now at the path, so nothing is lost or repeated.
 */
final class LineFileReader implements EntryReader {

    private static final int CHUNK = 64 * 1024;
    private static final int GUARD = 32;
    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

    private final Path path;
    private final int maxLineBytes;
    private final LineEntryFactory entries;
    /** The read buffer while there is data; dropped at the end, so an idle follower holds none. */
    private ByteBuffer buffer = NONE;
    private final LineBuffer pending;
    private final byte[] guard = new byte[GUARD];

    private FileChannel channel;
    private Object fileKey;
    /** Absolute offset of the next byte to read from the file. */
    private long readOffset;
    /** Absolute offset of {@code buffer}'s first byte. */
    private long bufferOffset;
    private int guardLength;
    /** Whether the last read found no more data. */
    private boolean atEnd;
    /** The partial last line of a file that was rotated away, still to be returned. */
    private Entry pendingFromOldFile;
    /** What the path looked like when the end was reached: unchanged means nothing to do. */
    private BasicFileAttributes atEndAttributes;

    LineFileReader(Path path, long offset, int maxLineBytes, LineEntryFactory entries) throws IOException {
        this.path = path;
        this.maxLineBytes = maxLineBytes;
        this.entries = entries;
        this.pending = new LineBuffer(256);
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        this.readOffset = offset;
        this.bufferOffset = offset;
        loadGuard();
    }

    @Override
    public Entry next() throws IOException {
        while (true) {
            Entry line = scanLine();
            if (line != null) {
                return line;
            }
            // taken before the read: a write after it changes what the next wake-up sees
            BasicFileAttributes seen = attributesOrNull();
            if (atEnd && same(seen, atEndAttributes)) {
                return null; // a wake-up with nothing new costs one stat
            }
            if (!fill() && !switchFileIfRotated()) {
                atEndAttributes = seen;
                buffer = NONE;
                return null;
            }
            if (pendingFromOldFile != null) {
                Entry last = pendingFromOldFile;
                pendingFromOldFile = null;
                return last;
            }
        }
    }

    @Override
    public Entry flushPartial() {
        if (pending.length() == 0) {
            return null;
        }
        byte[] line = pending.take();
        return entries.accepts(line, false) ? entries.entry(line, readOffset, false) : null;
    }

    /** The next complete line (or cap-sized piece) in what has been read, or null. */
    private Entry scanLine() {
        while (buffer.hasRemaining()) {
            byte[] bytes = buffer.array();
            int from = buffer.position();
            int room = maxLineBytes - pending.length();
            int searchEnd = (int) Math.min(buffer.limit(), (long) from + room + 1);
            int newline = -1;
            for (int i = from; i < searchEnd; i++) {
                if (bytes[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            Entry entry;
            if (newline >= 0) {
                byte[] line = pending.takeWith(bytes, from, newline - from);
                buffer.position(newline + 1);
                entry = accept(line, bufferOffset + newline, false);
            } else if (pending.length() + (searchEnd - from) > maxLineBytes) {
                byte[] piece = pending.takeWith(bytes, from, room);
                buffer.position(from + room);
                entry = accept(piece, bufferOffset + from + room, true);
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

    private Entry accept(byte[] line, long cursor, boolean split) {
        return entries.accepts(line, split) ? entries.entry(line, cursor, split) : null;
    }

    /**
     * Reads the next chunk; false when the file has nothing more now. After the end of the data
     * was reached once, the file is first checked for truncation: a copy-truncate rotation
     * followed by a write longer than what was read must not be read from the old offset.
     */
    private boolean fill() throws IOException {
        if (atEnd && readOffset > 0 && guardLength > 0 && !guardStillMatches()) {
            return false;
        }
        if (buffer == NONE) {
            buffer = ByteBuffer.allocate(CHUNK);
        }
        buffer.clear();
        int n = channel.read(buffer, readOffset);
        buffer.flip();
        bufferOffset = readOffset;
        atEnd = n <= 0;
        if (atEnd) {
            return false;
        }
        readOffset += n;
        rememberGuard(buffer.array(), n);
        return true;
    }

    /**
     * At the end of the data: is the path now another file, or this file truncated? Then
     * continue at the start of the file at the path. The partial line of the old file, if
     * any, is finished: it becomes an entry of its own.
     */
    private boolean switchFileIfRotated() throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false; // between rename and create: wait for the new file
        }
        boolean replaced = !now.fileKey().equals(fileKey);
        boolean truncated = !replaced && (now.size() < readOffset || !guardStillMatches());
        if (!replaced && !truncated) {
            return false;
        }
        if (replaced) {
            channel.close();
            channel = FileChannel.open(path, StandardOpenOption.READ);
            fileKey = now.fileKey();
        }
        pendingFromOldFile = flushPartial();
        readOffset = 0;
        bufferOffset = 0;
        guardLength = 0;
        atEnd = false;
        buffer.limit(0);
        atEndAttributes = null;
        return true;
    }

    private static boolean same(BasicFileAttributes now, BasicFileAttributes then) {
        if (now == null || then == null) {
            return false;
        }
        return now.fileKey().equals(then.fileKey()) && now.size() == then.size()
                && now.lastModifiedTime().equals(then.lastModifiedTime());
    }

    private BasicFileAttributes attributesOrNull() throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void rememberGuard(byte[] bytes, int n) {
        if (n >= GUARD) {
            System.arraycopy(bytes, n - GUARD, guard, 0, GUARD);
            guardLength = GUARD;
        } else {
            int keep = Math.min(guardLength, GUARD - n);
            System.arraycopy(guard, guardLength - keep, guard, 0, keep);
            System.arraycopy(bytes, 0, guard, keep, n);
            guardLength = keep + n;
        }
    }

    private void loadGuard() throws IOException {
        int length = (int) Math.min(GUARD, readOffset);
        ByteBuffer b = ByteBuffer.wrap(guard, 0, length);
        while (b.hasRemaining() && channel.read(b, readOffset - length + b.position()) > 0) {
            // keep reading until the guard is full
        }
        guardLength = b.position();
    }

    private boolean guardStillMatches() throws IOException {
        if (guardLength == 0) {
            return true;
        }
        ByteBuffer now = ByteBuffer.allocate(guardLength);
        while (now.hasRemaining()) {
            if (channel.read(now, readOffset - guardLength + now.position()) <= 0) {
                return false;
            }
        }
        return Arrays.equals(now.array(), 0, guardLength, guard, 0, guardLength);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
