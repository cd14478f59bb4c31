package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.FileLook;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
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
 * of the truncated file. Without such a copy, at the start of the truncated file. A reader at
 * the start of the live file that has read nothing of it sees no change at its position: it
 * reads first the plain rotated files made since it got there (by their modification time,
 * strictly later), oldest first, then the live file. Lines written between the copy and the
 * truncation are in neither file: they are lost, as logrotate documents; nothing is repeated.
 * A listed file that is another one when opened (logrotate renames every rotated file at each
 * rotation) makes the reader list again, and wait for the next wake-up if the files keep
 * changing, rather than give up on the copy.</li>
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
    /** What {@link #readNext} answers when the files kept changing under the listing: try at the next wake-up. */
    private static final int WAIT = -3;
    /** What {@link #copyMadeSince} answers when there is no copy to read first: read the live file. */
    private static final int NO_COPY = -4;
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
     * While the reader is at the start of the live file and has read nothing of it: the live
     * file's last modification when it got there; otherwise null. A copy-truncate leaves such a
     * reader's file looking the same at its offset, so the rotated files made strictly after
     * this are the copies of what it never saw ({@link #copyMadeSince}).
     */
    private FileTime unreadSince;

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
        if (file.live() && file.modified() != null && input.channel() != null && input.offset() == 0) {
            unreadSince = modified;
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
        int n = readNext(buf);
        if (n == TRUNCATED) {
            return afterTruncation(buf);
        }
        if (n == WAIT) {
            return 0;
        }
        if (n != 0) {
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
                    int more = readNext(buf);
                    if (more == TRUNCATED) {
                        return afterTruncation(buf);
                    }
                    return more == WAIT ? 0 : more;
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
        unreadSince = startMark(next, in, inPlace);
    }

    /**
     * The mark of a reader that starts reading {@code file} at offset 0 (null unless it is the
     * live plain file of a layout that keeps times): as listed right before it was opened, or,
     * when it was truncated under the reader, as it looks now, after the truncation (copies made
     * before are the old file's: the guard found none of them).
     */
    private FileTime startMark(S file, SegmentInput in, boolean inPlace) throws IOException {
        if (!file.live() || file.modified() == null || in.channel() == null || in.offset() != 0) {
            return null;
        }
        if (!inPlace) {
            return file.modified();
        }
        FileLook now = FileLook.at(layout.liveName(file));
        return now != null && Objects.equals(now.fileKey(), file.fileKey()) ? now.modified() : null;
    }

    /**
     * The current file was truncated under the read position: go on in its copy, if one is
     * beside it, else at its start. A listed file that is another one when opened was renamed
     * meanwhile (logrotate renames every rotated file at each rotation): the listing is taken
     * again, and if the files keep changing, the next wake-up looks again from the same place.
     */
    private int afterTruncation(ByteBuffer buf) throws IOException {
        long offset = input.offset();
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            List<S> files = new ArrayList<>(layout.list());
            Collections.reverse(files); // the newest copy first
            files.removeIf(f -> f.live() || f.gzip() || Objects.equals(f.fileKey(), current.fileKey()));
            Opened<S> copy = openFirst(files, offset,
                    in -> in.channel().size() >= offset && guard.holds(in.channel(), offset));
            if (copy.file() != null) {
                copyOf = current.fileKey();
                continueIn(copy.file(), copy.input());
                int n = readMore(buf);
                if (n > 0) {
                    return n;
                }
                return moveOn(buf, FileLook.at(layout.liveName(current)));
            }
            if (!copy.changed()) {
                switchTo(current, SegmentInput.plain(input.channel(), 0), true);
                return NEXT_FILE;
            }
        }
        atEnd = false;
        atEndSeen = null;
        return 0;
    }

    /**
     * At the start of the live file with nothing read of it, a copy-truncate does not show in
     * the file: the rotated plain files made strictly after {@link #unreadSince} (a coarse clock
     * makes it miss a copy rather than repeat one) hold what this reader never saw. Reading
     * goes on in the oldest of them; {@link #moveOn} follows them in order and comes back to the
     * live file as after any copy. No listing unless the live file changed since the mark.
     *
     * @return {@link #NEXT_FILE} when reading goes on in a copy, {@link #NO_COPY}, or {@link #WAIT}
     */
    private int copyMadeSince() throws IOException {
        FileLook seen = FileLook.at(layout.liveName(current));
        if (seen == null || !Objects.equals(seen.fileKey(), current.fileKey())
                || seen.modified().compareTo(unreadSince) <= 0) {
            return NO_COPY; // untouched since (a truncation is a change), or renamed away: moveOn's case
        }
        Object came = previous == null ? null : previous.fileKey();
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            List<S> made = layout.list().stream()
                    .filter(f -> !f.live() && !f.gzip() && f.modified() != null)
                    .filter(f -> f.modified().compareTo(unreadSince) > 0)
                    .filter(f -> !Objects.equals(f.fileKey(), current.fileKey()) && !Objects.equals(f.fileKey(), came))
                    .limit(1) // the oldest: the copies after it follow by identity
                    .toList();
            if (made.isEmpty()) {
                return NO_COPY;
            }
            Opened<S> copy = openFirst(made, 0, in -> true);
            if (copy.file() != null) {
                copyOf = current.fileKey();
                switchTo(copy.file(), copy.input(), false);
                return NEXT_FILE;
            }
        }
        atEndSeen = null;
        return WAIT;
    }

    /** A listed file, opened, or none; {@code changed}: a listed file was renamed or gone when opened. */
    private record Opened<F>(F file, SegmentInput input, boolean changed) {
    }

    /** What a candidate file must hold, once opened, to be the one looked for. */
    private interface Holds {
        boolean test(SegmentInput in) throws IOException;
    }

    /** Opens the {@code candidates} at {@code offset} in turn until one {@code holds}; the others are closed. */
    private Opened<S> openFirst(List<S> candidates, long offset, Holds holds) throws IOException {
        boolean changed = false;
        for (S f : candidates) {
            SegmentInput in = layout.open(f, offset);
            if (in == null) {
                changed = true;
                continue;
            }
            if (holds.test(in)) {
                return new Opened<>(f, in, changed);
            }
            in.close();
        }
        return new Opened<>(null, null, changed);
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
        unreadSince = null;
    }

    /** {@link #readMore}, but first, at the start of the live file with nothing read, the copies made meanwhile. */
    private int readNext(ByteBuffer buf) throws IOException {
        if (unreadSince != null) {
            int copy = copyMadeSince();
            if (copy != NO_COPY) {
                return copy;
            }
        }
        return readMore(buf);
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
            unreadSince = null;
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
                + ", atEndSeen=" + atEndSeen + ", copyOf=" + copyOf + ", unreadSince=" + unreadSince + "]";
    }

    @Override
    public void close() throws IOException {
        closeRetired();
        input.close();
    }
}
