package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.Entry;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.source.rotation.RotatingInput;
import org.clusterlogs.logs.source.rotation.SegmentInput;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Reads a container's lines forward across its files, and keeps reading as kubelet writes,
 * rotates and restarts. The bytes come from {@link RotatingInput} over {@link CriRotation}, the
 * reader of every rotating log: it finishes a file that kubelet renamed away (or that a later
 * restart ended) by reading it to its very end through the open handle, and goes on at the
 * start of the file that follows, found by content id. What is CRI-specific happens here: at a
 * file boundary the lines still open are carried over (rotation) or given up (a restart, or the
 * live file truncated in place); records are joined into lines by {@link CriJoiner}. So nothing
 * is lost or repeated.
 */
final class PodLogReader implements EntryReader {

    private static final int OPEN_ATTEMPTS = 5;

    private final CriRotation layout;
    private final PodEntries entries;
    private final CriJoiner joiner;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ArrayDeque<Entry> ready = new ArrayDeque<>();

    /** The files' bytes; {@code null} before any file exists. */
    private RotatingInput<Segment> input;
    /** The content id of the file the joiner's lines belong to, learnt from the file when needed. */
    private SegmentId id;

    PodLogReader(RootedPath dir, PodEntries entries, int maxLineBytes, long partialWindow) {
        this.layout = new CriRotation(dir);
        this.entries = entries;
        this.joiner = new CriJoiner(maxLineBytes, partialWindow);
    }

    /** Positions the reader; when there is no file yet, the first file to appear is read from its start. */
    void start(PodPosition from) throws IOException {
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            List<Segment> segments = layout.list();
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
        while (true) {
            if (!ready.isEmpty()) {
                return ready.poll();
            }
            if (input == null) {
                if (!openFirst()) {
                    return null;
                }
                continue;
            }
            buffer.clear();
            int n = input.read(buffer);
            if (n > 0) {
                joiner.feed(buffer.array(), 0, n);
                collect();
                continue;
            }
            if (n == 0) {
                return null;
            }
            nextFile();
        }
    }

    /** A file was finished: its open lines go on in the next one (rotation) or end with it. */
    private void nextFile() throws IOException {
        Segment finished = input.previous();
        boolean carried = !input.restartedInPlace() && input.current().restart() == finished.restart();
        if (carried) {
            joiner.carryOver(input.previousEnd());
        } else {
            joiner.endOfSegment();
        }
        if (id == null) {
            id = CriRotation.idOf(finished, input.previousInput(), true);
        }
        collect(true); // with the finished file's id
        if (!carried) {
            joiner.reset(0);
        }
        id = input.restartedInPlace() ? null : input.current().id();
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
        List<Segment> segments = layout.list();
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
        input = new RotatingInput<>(layout, next, in, null);
        id = next.id();
    }

    /** The uncompressed size of a finished file. */
    private long size(Segment s) throws IOException {
        if (!s.gzip()) {
            try (FileChannel channel = SegmentList.openPlain(s)) {
                return channel.size();
            }
        }
        try (SegmentInput in = SegmentList.openGzip(s)) {
            while (in.read(buffer.clear()) > 0) {
                // count the bytes
            }
            return in.offset();
        }
    }

    /** The current file's content id, read from the open file when it was empty at listing time. */
    private SegmentId id(boolean finished) throws IOException {
        if (id == null && input != null) {
            id = CriRotation.idOf(input.current(), input.input(), finished);
        }
        return id;
    }

    private void collect() throws IOException {
        collect(false);
    }

    /** Turns the joiner's lines into entries; {@code finished}: their file is finished. */
    private void collect(boolean finished) throws IOException {
        Emission e;
        while ((e = joiner.poll()) != null) {
            if (entries.accepts(e)) {
                SegmentId current = id(finished);
                if (current == null) {
                    throw new IOException("log file has lines but no first record: " + input.current().path().fileName());
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
