package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.source.rotation.SegmentInput;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * Reads a container's lines forward across its files, and keeps reading as kubelet writes,
 * rotates and restarts. At the end of the data it asks whether the file it reads is finished:
 * a rotated or gzip file is, and so is the live file once kubelet renamed it away and a newer
 * file exists, or once a later restart's file exists. A finished file is read to its very end
 * through the open handle (the runtime may write to it until it reopens); then reading goes on
 * at the start of the file that follows, with the lines still open carried over (rotation) or
 * given up (restart). So nothing is lost or repeated. The file that follows is found by content
 * id, not by name, since the name of the file being read may have changed meanwhile.
 */
final class PodLogReader implements EntryReader {

    private static final int OPEN_ATTEMPTS = 5;

    private final RootedPath dir;
    private final PodEntries entries;
    private final CriJoiner joiner;
    private final byte[] buffer = new byte[64 * 1024];
    private final ArrayDeque<Entry> ready = new ArrayDeque<>();

    /** The file being read (or just finished) as listed when opened; {@code null} before any file exists. */
    private Segment segment;
    /** Its content id, learnt from the open file when it had no record at listing time. */
    private SegmentId id;
    /** {@code null} between files: the current one is finished and its lines handed on. */
    private SegmentInput input;
    /** The file that follows, once the file being read is known to be finished. */
    private Segment successor;
    /** Between files: whether open lines were carried over (rotation) rather than given up. */
    private boolean carried;
    /** The successor is the live file read again from its start: it was truncated in place. */
    private boolean truncated;

    PodLogReader(RootedPath dir, PodEntries entries, int maxLineBytes, long partialWindow) {
        this.dir = dir;
        this.entries = entries;
        this.joiner = new CriJoiner(maxLineBytes, partialWindow);
    }

    /** Positions the reader; when there is no file yet, the first file to appear is read from its start. */
    void start(PodPosition from) throws IOException {
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            List<Segment> segments = SegmentList.list(dir);
            SegmentList.Start start = SegmentList.resolve(segments, from);
            if (start == null) {
                return;
            }
            try {
                openAt(segments, start);
                return;
            } catch (SegmentGoneException e) {
                // rotated meanwhile: list again
            }
        }
        throw new IOException("the log files keep changing while they are opened; try again");
    }

    @Override
    public Entry next() throws IOException {
        int failedOpens = 0;
        while (true) {
            if (!ready.isEmpty()) {
                return ready.poll();
            }
            if (segment == null) {
                if (!openFirst()) {
                    return null;
                }
                continue;
            }
            if (input == null) {
                Segment next = successor != null ? successor : following(SegmentList.list(dir));
                successor = null;
                if (next == null) {
                    return null;
                }
                try {
                    switchTo(next);
                } catch (SegmentGoneException e) {
                    if (++failedOpens == OPEN_ATTEMPTS) {
                        return null; // rotated again and again meanwhile: a follower comes back later
                    }
                }
                continue;
            }
            int n = input.read(buffer, buffer.length);
            if (n > 0) {
                joiner.feed(buffer, 0, n);
                collect();
                continue;
            }
            if (successor == null) {
                successor = successorIfFinished();
                if (successor == null) {
                    return null;
                }
                continue; // read once more to the very end before leaving the file
            }
            carried = successor.restart() == segment.restart() && !truncated;
            if (carried) {
                joiner.carryOver(input.offset());
            } else {
                joiner.endOfSegment();
            }
            collect();
            input.close();
            input = null;
        }
    }

    @Override
    public Entry flushPartial() throws IOException {
        if (!ready.isEmpty()) {
            return ready.poll();
        }
        if (input == null) {
            return null;
        }
        while (joiner.flushOne()) {
            collect();
            if (!ready.isEmpty()) {
                return ready.poll();
            }
        }
        return null;
    }

    private boolean openFirst() throws IOException {
        List<Segment> segments = SegmentList.list(dir);
        if (segments.isEmpty()) {
            return false;
        }
        try {
            long[] keep = {0, 0, 0};
            open(segments.get(0), 0, keep);
            return true;
        } catch (SegmentGoneException e) {
            return false;
        }
    }

    /**
     * Opens the state {@code start} names: in its file, or, when lines open there began in the
     * files before, in the file where the earliest began, with every offset moved there.
     */
    private void openAt(List<Segment> segments, SegmentList.Start start) throws IOException {
        int k = start.index();
        Segment target = segments.get(k);
        long offset = start.offset();
        if (!target.gzip()) {
            offset = Math.min(offset, size(target)); // an offset past the end names the end
        }
        long[] keep = new long[3];
        long earliest = offset;
        for (int s = 0; s < 3; s++) {
            long from = start.from()[s];
            keep[s] = from != CriJoiner.NONE && from <= offset ? from : offset;
            earliest = Math.min(earliest, keep[s]);
        }
        int j = k;
        long shift = 0;
        while (earliest + shift < 0 && SegmentList.chained(segments, j)) {
            j--;
            shift += size(segments.get(j));
        }
        for (int s = 0; s < 3; s++) {
            keep[s] = keep[s] == Long.MAX_VALUE ? keep[s] : Math.max(0, keep[s] + shift);
        }
        open(segments.get(j), Math.max(0, earliest + shift), keep);
    }

    /**
     * Opens a listed file and resets the joiner to read it from the record holding
     * {@code readFrom}, keeping stream s's bytes from {@code keep[s]}.
     */
    private void open(Segment next, long readFrom, long[] keep) throws IOException {
        SegmentInput in;
        if (next.gzip()) {
            in = SegmentList.openGzip(next);
            joiner.reset(0, keep);
        } else {
            FileChannel channel = SegmentList.openPlain(next);
            try {
                long size = channel.size();
                long from = Math.min(readFrom, size);
                long recordStart = from == 0 ? 0 : new RecordScan(channel, size, 0, true).lineStart(from);
                joiner.reset(recordStart, keep);
                in = SegmentInput.plain(channel, recordStart);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        replaceInput(next, in);
    }

    /** Goes on at the start of the next file, open lines carried over or (after a restart) none. */
    private void switchTo(Segment next) throws IOException {
        SegmentInput in = next.gzip()
                ? SegmentList.openGzip(next)
                : SegmentInput.plain(SegmentList.openPlain(next), 0);
        if (!carried) {
            joiner.reset(0);
        }
        replaceInput(next, in);
    }

    private void replaceInput(Segment next, SegmentInput in) throws IOException {
        if (input != null) {
            input.close();
        }
        input = in;
        segment = next;
        id = next.id();
        successor = null;
    }

    /** The uncompressed size of a finished file. */
    private long size(Segment s) throws IOException {
        if (!s.gzip()) {
            try (FileChannel channel = SegmentList.openPlain(s)) {
                return channel.size();
            }
        }
        try (SegmentInput in = SegmentList.openGzip(s)) {
            while (in.read(buffer, buffer.length) > 0) {
                // count the bytes
            }
            return in.offset();
        }
    }

    /**
     * The file to read after the current one if the current one is finished, else {@code null}.
     * A live file shorter than what was read was truncated in place: it is read again from its
     * start, as a new file.
     */
    private Segment successorIfFinished() throws IOException {
        if (segment.live() && !segment.gzip() && segment.fileKey() != null) {
            BasicFileAttributes now = attributes(segment.path().absolute());
            if (now != null && segment.fileKey().equals(now.fileKey())) {
                truncated = now.size() < input.offset();
                if (!truncated && !SegmentList.hasRestartAfter(dir, segment.restart())) {
                    return null; // still the live file: the usual case of a waiting follower
                }
                for (Segment s : SegmentList.list(dir)) {
                    if (truncated ? s.path().equals(segment.path()) : s.restart() > segment.restart()) {
                        return s; // read again from its start, or the container restarted
                    }
                }
                return null;
            }
        }
        truncated = false;
        return following(SegmentList.list(dir));
    }

    /** The file after the current one in {@code segments}: by content id, as its name may have changed. */
    private Segment following(List<Segment> segments) throws IOException {
        SegmentId mine = id();
        for (int i = 0; i < segments.size(); i++) {
            if (mine != null && mine.equals(segments.get(i).id())) {
                return i + 1 < segments.size() ? segments.get(i + 1) : null;
            }
        }
        for (Segment s : segments) {
            boolean after = mine != null
                    ? s.order().compareTo(mine) > 0
                    : s.restart() > segment.restart()
                      || s.restart() == segment.restart() && s.live() && !Objects.equals(s.fileKey(), segment.fileKey());
            if (after) {
                return s;
            }
        }
        return null;
    }

    /** The attributes at a path, for change detection only: nothing is opened by path. */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The current file's content id, read from the open file when it was empty at listing time. */
    private SegmentId id() throws IOException {
        if (id == null && input != null && input.channel() != null) {
            byte[] first = SegmentInput.firstBytes(input.channel(), CriHeader.MAX_BYTES);
            id = SegmentList.idOf(segment.restart(), first, successor != null);
        }
        return id;
    }

    private void collect() throws IOException {
        Emission e;
        while ((e = joiner.poll()) != null) {
            if (entries.accepts(e)) {
                SegmentId current = id();
                if (current == null) {
                    throw new IOException("log file has lines but no first record: " + segment.path().fileName());
                }
                ready.add(entries.entry(e, PodCursor.format(current, e.point(), e.after())));
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (input != null) {
            input.close();
            input = null;
        }
    }
}
