package org.clusterlogs.logs.source.pod;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Lists the files now; an absent directory lists as empty. */
    static List<Segment> list(Path dir) throws IOException {
        Map<String, Segment> byName = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path path : entries) {
                Matcher m = NAME.matcher(path.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                long restart = Long.parseLong(m.group(1));
                boolean gzip = m.group(3) != null;
                String key = m.group(1) + "/" + m.group(2);
                Segment earlier = byName.get(key);
                if (earlier != null && !earlier.gzip()) {
                    continue;
                }
                SegmentId id;
                try {
                    id = gzip ? gzipId(path, restart) : plainId(path, restart, m.group(2) != null);
                } catch (NoSuchFileException e) {
                    continue;
                } catch (IOException e) {
                    if (gzip) {
                        continue; // an unreadable compressed file holds nothing we can serve
                    }
                    throw e;
                }
                byName.put(key, new Segment(path, restart, m.group(2), gzip, id, attributes.fileKey()));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Segment> list = new ArrayList<>(byName.values());
        list.sort(ORDER);
        return list;
    }

    /**
     * Whether a file of a later restart than {@code restart} exists: by names only, so a
     * follower waiting at the end of the live file checks for a restart cheaply.
     */
    static boolean hasRestartAfter(Path dir, long restart) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path path : entries) {
                Matcher m = NAME.matcher(path.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) > restart) {
                    return true;
                }
            }
        } catch (NoSuchFileException e) {
            return false;
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

    private static SegmentId plainId(Path path, long restart, boolean rotated) throws IOException {
        try (FileChannel channel = SegmentInput.openChannel(path)) {
            return idOf(restart, SegmentInput.firstBytes(channel, CriHeader.MAX_BYTES), rotated);
        }
    }

    private static SegmentId gzipId(Path path, long restart) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
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
