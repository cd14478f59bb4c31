package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.root.Listing;
import org.clusterlogs.logs.source.root.OpenedFile;
import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.source.rotation.SegmentInput;
import org.clusterlogs.logs.source.rotation.StableListing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * The files of a container's log in reading order: by restart, then the rotated files by
 * their time stamp, then the live {@code <n>.log}. Only regular files with kubelet's names
 * count (links, {@code .tmp} files of a compression in progress and anything else are left
 * out). While kubelet compresses a file both forms may exist for a moment; the plain one is
 * used, it reads at random.
 */
final class SegmentList {

    private static final Pattern NAME = Pattern.compile("(\\d{1,9})\\.log(?:\\.(\\d{8}-\\d{6})(\\.gz)?)?");
    private static final Comparator<Segment> ORDER = Comparator
            .comparingLong(Segment::restart)
            .thenComparing(Segment::live)
            .thenComparing(s -> s.live() ? "" : s.stamp());

    private SegmentList() {
    }

    /**
     * Lists the files as they stand between two rotations (a file renamed by kubelet between the
     * directory read and the look into it would otherwise be missing: {@link StableListing}); an
     * absent directory lists as empty.
     */
    static List<Segment> list(RootedPath dir) throws IOException {
        return StableListing.of(() -> listOnce(dir), List::equals);
    }

    private static List<Segment> listOnce(RootedPath dir) throws IOException {
        Map<String, Segment> byName = new HashMap<>();
        for (Listing.Item item : items(dir)) {
            Matcher m = NAME.matcher(item.name());
            if (!m.matches() || !item.attributes().isRegularFile()) {
                continue;
            }
            long restart = Long.parseLong(m.group(1));
            boolean gzip = m.group(3) != null;
            String key = m.group(1) + "/" + m.group(2);
            Segment earlier = byName.get(key);
            if (earlier != null && !earlier.gzip()) {
                continue;
            }
            RootedPath path = dir.child(item.name());
            SegmentId id;
            try {
                id = gzip ? gzipId(path, restart) : plainId(path, restart, m.group(2) != null);
            } catch (LogNotFoundException | NoSuchFileException e) {
                continue; // rotated or removed while listing
            } catch (IOException e) {
                if (gzip) {
                    continue; // an unreadable compressed file holds nothing we can serve
                }
                throw e;
            }
            byName.put(key, new Segment(path, restart, m.group(2), gzip, id, item.attributes().fileKey()));
        }
        List<Segment> list = new ArrayList<>(byName.values());
        list.sort(ORDER);
        return list;
    }

    /** The directory's entries; an absent directory has none. */
    private static List<Listing.Item> items(RootedPath dir) throws IOException {
        try {
            return dir.list().items();
        } catch (LogNotFoundException e) {
            return List.of();
        }
    }

    /**
     * Opens a listed plain file and checks that it is still the file listed (kubelet may have
     * renamed it and created a new one since).
     *
     * @throws SegmentGoneException when it is not
     */
    static FileChannel openPlain(Segment segment) throws IOException {
        OpenedFile file;
        try {
            file = segment.path().openFile();
        } catch (LogNotFoundException | NoSuchFileException e) {
            throw new SegmentGoneException(segment);
        }
        FileChannel channel = file.channel();
        try {
            boolean same = segment.fileKey() != null
                    ? segment.fileKey().equals(file.fileKey())
                    : Objects.equals(segment.id(),
                            idOf(segment.restart(), SegmentInput.firstBytes(channel, CriHeader.MAX_BYTES), !segment.live()));
            if (!same) {
                throw new SegmentGoneException(segment);
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Opens a listed gzip file from its start. */
    static SegmentInput openGzip(Segment segment) throws IOException {
        try {
            return SegmentInput.gzip(segment.path().openFile());
        } catch (LogNotFoundException | NoSuchFileException e) {
            throw new SegmentGoneException(segment);
        }
    }

    /**
     * Whether a file of a later restart than {@code restart} exists: by names only, so a
     * follower waiting at the end of the live file checks for a restart cheaply.
     */
    static boolean hasRestartAfter(RootedPath dir, long restart) throws IOException {
        for (Listing.Item item : items(dir)) {
            Matcher m = NAME.matcher(item.name());
            if (m.matches() && Long.parseLong(m.group(1)) > restart) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where reading from {@code p} starts in {@code segments}: the file it names at its offset;
     * when that file is gone, the start of the first file after it (nothing is repeated); when
     * nothing is after it, the end of the last file. {@code null} when there are no files.
     */
    static Start resolve(List<Segment> segments, PodPosition p) {
        if (segments.isEmpty()) {
            return null;
        }
        long[] none = PodPosition.none();
        if (p.segment() == null) {
            return new Start(0, 0, none);
        }
        for (int i = 0; i < segments.size(); i++) {
            if (p.segment().equals(segments.get(i).id())) {
                return new Start(i, p.offset(), p.fromArray());
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).order().compareTo(p.segment()) > 0) {
                return new Start(i, 0, none);
            }
        }
        return new Start(segments.size() - 1, Long.MAX_VALUE, none);
    }

    /** A file of the listing and the state to start it in. */
    record Start(int index, long offset, long[] from) {
    }

    /** Whether file {@code i} follows a file of the same restart: lines open there go on in it. */
    static boolean chained(List<Segment> segments, int i) {
        return i > 0 && segments.get(i - 1).restart() == segments.get(i).restart();
    }

    private static SegmentId plainId(RootedPath path, long restart, boolean rotated) throws IOException {
        try (FileChannel channel = path.openFile().channel()) {
            return idOf(restart, SegmentInput.firstBytes(channel, CriHeader.MAX_BYTES), rotated);
        }
    }

    private static SegmentId gzipId(RootedPath path, long restart) throws IOException {
        try (InputStream in = new GZIPInputStream(Channels.newInputStream(path.openFile().channel()))) {
            return idOf(restart, SegmentInput.firstBytes(in, CriHeader.MAX_BYTES), true);
        }
    }

    /**
     * The id of a file starting with {@code first}: its first record's time; for a first line
     * that is no record, the CRC-32 of its first bytes; {@code null} while the first record (or
     * line) is not written far enough to tell.
     */
    static SegmentId idOf(long restart, byte[] first) {
        return idOf(restart, first, false);
    }

    /** Like {@link #idOf(long, byte[])}; a finished file's first line is final however short. */
    static SegmentId idOf(long restart, byte[] first, boolean finished) {
        int space = -1;
        int newline = -1;
        for (int i = 0; i < first.length; i++) {
            if (first[i] == ' ' && space < 0) {
                space = i;
            }
            if (first[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (space >= 0 && (newline < 0 || space < newline)) {
            long nanos = CriTimestamp.parseNanos(first, 0, space);
            if (nanos != CriTimestamp.INVALID) {
                return new SegmentId(restart, nanos);
            }
        }
        if (first.length == 0 || newline < 0 && first.length < CriHeader.MAX_BYTES && !finished) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(first, 0, newline >= 0 ? newline : first.length);
        return new SegmentId(restart, crc.getValue());
    }
}
