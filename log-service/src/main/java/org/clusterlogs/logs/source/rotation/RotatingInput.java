package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.FileLook;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;

/**
 * The bytes of a rotating log, forward, across its files: the one reader design of every
 * file-backed log (task and component files, pod logs); a {@link RotationLayout} says how a
 * kind of log names and orders its files. At the end of the data it tells the rotation styles
 * apart:
 * <ul>
 * <li><b>rename-and-create</b> (the live name now holds another file, or none), and a finished
 * file that stays in place (the layout says so: a pod's later restart): the current file is
 * read to its very end through the open handle, then reading goes on at the start of the file
 * that came after it, found by identity in a fresh listing, however many rotations happened
 * meanwhile. A reader that fell behind reads every rotated file it missed, in order.</li>
 * <li><b>copy-truncate</b> (the same file with other bytes before the read position, or
 * shorter than it): what had not been read yet is in the copy, so reading goes on in the copy
 * (the newest rotated file holding the bytes read just before the position), then at the start
 * of the truncated file. Without such a copy, at the start of the truncated file. Lines written
 * between the copy and the truncation are in neither file: they are lost, as logrotate
 * documents; nothing is repeated. A reader that had read nothing of the file cannot tell a
 * truncation from a file that was empty: it reads the truncated file from its start.</li>
 * </ul>
 *
 * <p>Invariants: the bytes before the read position are compared with what was read there
 * after every read, so bytes of a rewritten file are never taken for the old ones; the file
 * being read stays open until the next one is open, so its identity (inode) cannot be reused
 * meanwhile and finding it in a listing is exact; a next file is used only once opened and seen
 * to be the file listed. Every file is opened through its log's root.
 *
 * @param <S> the layout's view of one file
 */
public final class RotatingInput<S extends RotatedFile> implements Closeable {

    /** What {@link #read} answers when the next bytes come from the start of another file. */
    public static final int NEXT_FILE = -1;
    /** What {@link #readMore} answers when the file was truncated under the read position. */
    private static final int TRUNCATED = -2;
    private static final int OPEN_ATTEMPTS = 3;

    private final RotationLayout<S> layout;
    private final TruncationGuard guard = new TruncationGuard();
    private S current;
    private SegmentInput input;
    private FileTime modified;
    private boolean atEnd;
    /** The live name's attributes when the end was reached with nothing to move to. */
    private FileLook atEndSeen;
    private S previous;
    /**
     * While copies of a copy-truncate rotation are read: the truncated file they came from. When
     * reading gets back to it before it was truncated again, it goes on where the copies end.
     */
    private Object copyOf;
    private SegmentInput retired;
    private long previousEnd;
    private boolean restartedInPlace;

    /**
     * Starts in {@code file}, already opened as {@code input} at its offset.
     *
     * @param modified the file's last modification when it was opened
     */
    public RotatingInput(RotationLayout<S> layout, S file, SegmentInput input, FileTime modified) throws IOException {
        this.layout = layout;
        this.current = file;
        this.input = input;
        this.modified = modified;
        if (input.channel() != null) {
            guard.load(input.channel(), input.offset());
        }
    }

    /** The file being read. */
    public S current() {
        return current;
    }

    /** The open input of the file being read. */
    public SegmentInput input() {
        return input;
    }

    /** The offset in the current file of the next byte. */
    public long offset() {
        return input.offset();
    }

    /** After {@link #NEXT_FILE}: the file finished (the same file when it was truncated in place). */
    public S previous() {
        return previous;
    }

    /** After {@link #NEXT_FILE}, until the next read: the finished file, still open. */
    public SegmentInput previousInput() {
        return retired != null ? retired : input;
    }

    /** After {@link #NEXT_FILE}: the offset at which the finished file ended. */
    public long previousEnd() {
        return previousEnd;
    }

    /** After {@link #NEXT_FILE}: whether the current file was truncated and is read again from its start. */
    public boolean restartedInPlace() {
        return restartedInPlace;
    }

    /**
     * Reads into {@code buf} (a heap buffer, from its position): the number of bytes read; 0
     * when there is nothing more now (call again after a change); {@link #NEXT_FILE} when the
     * current file is finished and the next read starts another one at offset 0.
     */
    public int read(ByteBuffer buf) throws IOException {
        closeRetired();
        if (atEnd) {
            FileLook seen = FileLook.at(layout.liveName(current));
            if (seen != null && seen.equals(atEndSeen) && !layout.finishedInPlace(current)) {
                return 0; // a wake-up with nothing new costs a stat
            }
        }
        int n = readMore(buf);
        if (n == TRUNCATED) {
            return afterTruncation(buf);
        }
        if (n > 0) {
            return n;
        }
        FileLook seen = FileLook.at(layout.liveName(current));
        if (seen != null && Objects.equals(seen.fileKey(), current.fileKey()) && !current.gzip()) {
            modified = seen.modified();
            if (truncatedInPlace(seen)) {
                return afterTruncation(buf);
            }
            if (!layout.finishedInPlace(current)) {
                if (seen.size() > input.offset()) {
                    // written between the read that found the end and the look: read on. Filing
                    // this look as "the end" would make every later wake-up a no-op
                    atEndSeen = null;
                    int more = readMore(buf);
                    return more == TRUNCATED ? afterTruncation(buf) : more;
                }
                atEndSeen = seen;
                return 0;
            }
        }
        return moveOn(buf, seen);
    }

    /** The current file is finished: go on in the one after it. */
    private int moveOn(ByteBuffer buf, FileLook seen) throws IOException {
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            S next = layout.successor(layout.list(), current, input, modified);
            if (next == null) {
                atEndSeen = seen;
                return 0;
            }
            int n = readMore(buf); // the last bytes written before the writer moved on
            if (n == TRUNCATED) {
                return afterTruncation(buf);
            }
            if (n > 0) {
                return n;
            }
            SegmentInput in = layout.open(next, 0);
            if (in == null) {
                continue;
            }
            if (copyOf != null && Objects.equals(next.fileKey(), copyOf)) {
                copyOf = null;
                long end = input.offset();
                if (in.channel() != null && in.channel().size() >= end && guard.holds(in.channel(), end)) {
                    // back at the file the copies came from, not truncated yet: it goes on where they end
                    continueIn(next, SegmentInput.plain(in.channel(), end));
                    int more = readMore(buf);
                    return more == TRUNCATED ? afterTruncation(buf) : more;
                }
            }
            switchTo(next, in, false);
            return NEXT_FILE;
        }
        return 0; // rotated again and again while opening: the next wake-up tries again
    }

    private void switchTo(S next, SegmentInput in, boolean inPlace) throws IOException {
        previous = current;
        previousEnd = input.offset();
        restartedInPlace = inPlace;
        closeRetired();
        if (in.channel() == null || in.channel() != input.channel()) {
            retired = input; // closed at the next read: the reader may still look at it
        }
        current = next;
        input = in;
        atEnd = false;
        atEndSeen = null;
        guard.clear();
        if (in.channel() != null && in.offset() > 0) {
            guard.load(in.channel(), in.offset());
        }
    }

    /**
     * The current file was truncated under the read position: go on in its copy, if one is
     * beside it, else at its start.
     */
    private int afterTruncation(ByteBuffer buf) throws IOException {
        long offset = input.offset();
        List<S> files = layout.list();
        for (int i = files.size() - 1; i >= 0; i--) { // the newest copy first
            S f = files.get(i);
            if (f.live() || f.gzip() || Objects.equals(f.fileKey(), current.fileKey())) {
                continue;
            }
            SegmentInput copy = layout.open(f, offset);
            if (copy == null) {
                continue;
            }
            if (copy.channel().size() >= offset && guard.holds(copy.channel(), offset)) {
                copyOf = current.fileKey();
                continueIn(f, copy);
                int n = readMore(buf);
                if (n > 0) {
                    return n;
                }
                return moveOn(buf, FileLook.at(layout.liveName(current)));
            }
            copy.close();
        }
        switchTo(current, SegmentInput.plain(input.channel(), 0), true);
        return NEXT_FILE;
    }

    /** Goes on in another file that holds the same bytes at the read position: no new file for the reader. */
    private void continueIn(S file, SegmentInput in) throws IOException {
        if (in.channel() != input.channel()) {
            input.close();
        }
        current = file;
        input = in;
        atEnd = false;
        atEndSeen = null;
    }

    /**
     * Reads on in the current file. The bytes before the read position are checked after the
     * read: a copy-truncate followed by a write longer than what was read, before or during the
     * read, changed them, and what was read is then dropped ({@link #TRUNCATED}).
     */
    private int readMore(ByteBuffer buf) throws IOException {
        int from = buf.position();
        long at = input.offset();
        int n = input.read(buf);
        if (n > 0) {
            if (input.channel() != null && at > 0 && !guard.holds(input.channel(), at)) {
                buf.position(from);
                input = SegmentInput.plain(input.channel(), at);
                return TRUNCATED;
            }
            guard.remember(buf.array(), buf.arrayOffset() + from, n);
            atEnd = false;
            return n;
        }
        atEnd = true;
        return 0;
    }

    /** Whether the current (plain) file was truncated under the read position. */
    private boolean truncatedInPlace(FileLook seen) throws IOException {
        if (input.channel() == null || input.offset() == 0) {
            return false;
        }
        return seen.size() < input.offset() || !guard.holds(input.channel(), input.offset());
    }

    private void closeRetired() throws IOException {
        if (retired != null) {
            SegmentInput r = retired;
            retired = null;
            r.close();
        }
    }

    @Override
    public String toString() {
        return "RotatingInput[current=" + current + ", offset=" + input.offset() + ", atEnd=" + atEnd
                + ", atEndSeen=" + atEndSeen + ", copyOf=" + copyOf + "]";
    }

    @Override
    public void close() throws IOException {
        closeRetired();
        input.close();
    }
}
