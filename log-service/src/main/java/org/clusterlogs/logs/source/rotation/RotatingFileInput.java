package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.root.OpenedFile;
import org.clusterlogs.logs.source.root.RootedPath;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;

/**
 * The bytes of a plain log file and of the files it is rotated into, forward, as one run. At
 * the end of the data it tells the two rotation styles apart:
 * <ul>
 * <li><b>rename-and-create</b> (the live name now holds another file, or none): the file being
 * read is finished. It is read to its very end through the open handle, then reading goes on at
 * the start of the file that came after it, found by identity in the rotation's listing
 * ({@link RotatedFiles}), however many rotations happened meanwhile: a reader that fell behind
 * reads every rotated file it missed, in order, then the live one.</li>
 * <li><b>copy-truncate</b> (the same file, now shorter than the read position, or with other
 * bytes before it): what the reader had not read yet is in the copy, so reading goes on in the
 * copy (the newest rotated file holding the bytes read just before the position), then at the
 * start of the truncated file. Lines written between the copy and the truncation are in neither
 * file that way: they are lost (logrotate documents this); nothing is repeated.</li>
 * </ul>
 * Every file is opened through the log's root, so a live name swapped for a link that leaves
 * the root is never read: the reader keeps waiting for a regular file inside the root.
 *
 * <p>Invariants: the file being read stays open until its successor is open, so its identity
 * (inode) cannot be reused meanwhile and finding it in a listing is exact; a successor is used
 * only once opened and seen to be the file that was listed.
 */
public final class RotatingFileInput implements Closeable {

    /** What {@link #read} answers when the next bytes come from the start of another file. */
    public static final int NEXT_FILE = -1;
    private static final int OPEN_ATTEMPTS = 3;
    /** What {@link #readMore} answers when the file was truncated under the read position. */
    private static final int TRUNCATED = -2;

    private final RootedPath live;
    private final TruncationGuard guard = new TruncationGuard();
    private SegmentInput input;
    private Object fileKey;
    private FileTime modified;
    private boolean atEnd;
    /** The live name's attributes when the end was reached with nothing to move to. */
    private BasicFileAttributes atEndSeen;

    private RotatingFileInput(RootedPath live) {
        this.live = live;
    }

    /**
     * Opens the live file at {@code offset}.
     *
     * @throws LogNotFoundException when it does not exist
     * @throws BadPathException     when it is not a regular file inside the root
     */
    public static RotatingFileInput open(RootedPath live, long offset) throws IOException {
        OpenedFile file = live.openFile();
        RotatingFileInput in = new RotatingFileInput(live);
        try {
            in.guard.load(file.channel(), offset);
        } catch (IOException e) {
            file.channel().close();
            throw e;
        }
        in.use(file, SegmentInput.plain(file.channel(), offset));
        return in;
    }

    /** The offset in the current file of the next byte. */
    public long offset() {
        return input.offset();
    }

    /**
     * Reads into {@code buf} (a heap buffer, from its position): the number of bytes read; 0
     * when there is nothing more now (call again after a change); {@link #NEXT_FILE} when the
     * current file is finished and the next read starts another one at offset 0.
     */
    public int read(ByteBuffer buf) throws IOException {
        if (atEnd) {
            BasicFileAttributes seen = liveAttributes();
            if (seen != null && same(seen, atEndSeen)) {
                return 0; // a wake-up with nothing new costs one stat
            }
        }
        int n = readMore(buf);
        if (n == TRUNCATED) {
            return afterTruncation(buf);
        }
        if (n > 0) {
            return n;
        }
        BasicFileAttributes seen = liveAttributes();
        if (seen != null && Objects.equals(seen.fileKey(), fileKey)) {
            modified = seen.lastModifiedTime();
            if (truncatedInPlace(seen)) {
                return afterTruncation(buf);
            }
            atEndSeen = seen;
            return 0;
        }
        return moveOn(buf, seen);
    }

    /** The live name holds another file or none: this one was rotated away. */
    private int moveOn(ByteBuffer buf, BasicFileAttributes seen) throws IOException {
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            FileSegment next = successor(RotatedFiles.list(live));
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
            if (switchTo(next)) {
                return NEXT_FILE;
            }
        }
        return 0; // rotated again and again while opening: the next wake-up tries again
    }

    /** The file after the current one in {@code files}; found by identity, as its name may have changed. */
    private FileSegment successor(List<FileSegment> files) {
        for (int i = 0; i < files.size(); i++) {
            if (Objects.equals(files.get(i).fileKey(), fileKey) && !files.get(i).gzip()) {
                return i + 1 < files.size() ? files.get(i + 1) : null;
            }
        }
        // the current file is gone (deleted, or compressed): the oldest file changed after it,
        // else the live file, which holds another file than the current one when this is asked
        for (FileSegment f : files) {
            if (f.live() || f.modified().compareTo(modified) > 0) {
                return f;
            }
        }
        return null;
    }

    private boolean switchTo(FileSegment next) throws IOException {
        OpenedFile file;
        try {
            file = next.path().openFile();
        } catch (LogNotFoundException | NoSuchFileException | BadPathException e) {
            return false;
        }
        if (!Objects.equals(file.fileKey(), next.fileKey())) {
            file.channel().close();
            return false;
        }
        SegmentInput in;
        if (next.gzip()) {
            in = SegmentInput.gzip(file);
        } else {
            in = SegmentInput.plain(file.channel(), 0);
        }
        input.close();
        use(file, in);
        guard.clear();
        return true;
    }

    private void use(OpenedFile file, SegmentInput in) {
        input = in;
        fileKey = file.fileKey();
        modified = file.attributes().lastModifiedTime();
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
    private boolean truncatedInPlace(BasicFileAttributes seen) throws IOException {
        if (input.channel() == null || input.offset() == 0) {
            return false;
        }
        long size = seen != null && Objects.equals(seen.fileKey(), fileKey) ? seen.size() : input.channel().size();
        return size < input.offset() || !guard.holds(input.channel(), input.offset());
    }

    /**
     * The current file was truncated under the read position. When the copy made before the
     * truncation is beside it (a rotated file with the same bytes before that position),
     * reading goes on in the copy from there, and then in the truncated file from its start;
     * otherwise at the start of the truncated file at once.
     */
    private int afterTruncation(ByteBuffer buf) throws IOException {
        long offset = input.offset();
        OpenedFile copy = copyHolding(offset);
        if (copy != null) {
            // the truncated file stays at the live name, so it is found again after the copy
            input.close();
            use(copy, SegmentInput.plain(copy.channel(), offset));
            int n = readMore(buf);
            return n > 0 ? n : moveOn(buf, liveAttributes());
        }
        input = SegmentInput.plain(input.channel(), 0);
        guard.clear();
        atEnd = false;
        atEndSeen = null;
        return NEXT_FILE;
    }

    /** The newest rotated copy that holds the bytes read just before {@code offset}, opened; or null. */
    private OpenedFile copyHolding(long offset) throws IOException {
        List<FileSegment> files = RotatedFiles.list(live);
        for (int i = files.size() - 1; i >= 0; i--) {
            FileSegment f = files.get(i);
            if (f.live() || f.gzip() || Objects.equals(f.fileKey(), fileKey)) {
                continue;
            }
            OpenedFile file;
            try {
                file = f.path().openFile();
            } catch (LogNotFoundException | NoSuchFileException | BadPathException e) {
                continue;
            }
            if (file.channel().size() >= offset && guard.holds(file.channel(), offset)) {
                return file;
            }
            file.close();
        }
        return null;
    }

    private BasicFileAttributes liveAttributes() throws IOException {
        try {
            // change detection only: nothing is opened by this path
            return Files.readAttributes(live.absolute(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static boolean same(BasicFileAttributes now, BasicFileAttributes then) {
        return then != null && Objects.equals(now.fileKey(), then.fileKey()) && now.size() == then.size()
                && now.lastModifiedTime().equals(then.lastModifiedTime());
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
