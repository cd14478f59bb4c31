package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.rotation.SegmentInput;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.function.Predicate;

/**
 * The positions that need a look back: the tail, and k lines back from a position. Both read
 * forward from a clean point (a record start where no line is open, see {@link RecordScan})
 * with the joiner the reader uses, so they land exactly on the reader's states. A plain file is
 * counted in windows growing backwards from the position, so the last N lines cost about N
 * lines; a gzip file is read from its start, once to count and once to pick, in bounded memory.
 * Lines go on across kubelet's rotation, so the start of a file is a clean point only for the
 * first file of a restart; otherwise the clean point is looked for in the files before.
 */
final class Backward {

    private static final int FIRST_SPAN = 64 * 1024;

    private final PodEntries entries;
    private final int maxLineBytes;
    private final long partialWindow;
    private final byte[] buffer = new byte[64 * 1024];

    Backward(PodEntries entries, int maxLineBytes, long partialWindow) {
        this.entries = entries;
        this.maxLineBytes = maxLineBytes;
        this.partialWindow = partialWindow;
    }

    /**
     * After every line present now. Open lines at the end of the live file count as present
     * (a range read returns them as they are), so a range read from here returns nothing.
     */
    PodPosition tail(List<Segment> segments) throws IOException {
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment segment = segments.get(i);
            if (segment.id() == null) {
                continue;
            }
            if (i < segments.size() - 1) {
                return PodPosition.endOf(segment.id());
            }
            CriJoiner joiner = new CriJoiner(maxLineBytes, partialWindow);
            if (segment.gzip()) {
                start(segments, cleanStart(segments, i, 0, null), i, joiner);
                try (SegmentInput in = SegmentList.openGzip(segment)) {
                    feed(in, joiner, Long.MAX_VALUE);
                }
            } else {
                try (FileChannel channel = SegmentList.openPlain(segment)) {
                    long size = channel.size();
                    RecordScan scan = scan(segments, i, channel, size);
                    Point from = cleanStart(segments, i, size == 0 ? 0 : scan.lineStart(size), scan);
                    long offset = start(segments, from, i, joiner);
                    feed(SegmentInput.plain(channel, offset), joiner, size);
                }
            }
            while (joiner.flushOne()) {
                joiner.poll();
            }
            return PodPosition.of(segment.id(), joiner.stateOffset(), joiner.openFrom());
        }
        return PodPosition.HEAD;
    }

    /** {@code count} wanted lines back from {@code from} (resolved in {@code segments}), clamped at the head. */
    PodPosition back(List<Segment> segments, PodPosition from, long count) throws IOException {
        SegmentList.Start start = from.segment() == null ? null : SegmentList.resolve(segments, from);
        if (start == null) {
            return PodPosition.HEAD;
        }
        long need = count;
        for (int i = start.index(); i >= 0; i--) {
            Segment segment = segments.get(i);
            if (segment.id() == null) {
                continue;
            }
            Limit limit = i == start.index()
                    ? new Limit(start.offset(), start.from(), false)
                    : new Limit(Long.MAX_VALUE, PodPosition.none(), true);
            Found found = segment.gzip()
                    ? backInGzip(segments, i, limit, need)
                    : backInPlain(segments, i, limit, need);
            if (found.position() != null) {
                return found.position();
            }
            need = found.need();
        }
        return PodPosition.HEAD;
    }

    private Found backInPlain(List<Segment> segments, int i, Limit limit, long need) throws IOException {
        Segment segment = segments.get(i);
        try (FileChannel channel = SegmentList.openPlain(segment)) {
            long size = channel.size();
            Limit lim = limit.clampedTo(size);
            RecordScan scan = scan(segments, i, channel, size);
            long span = FIRST_SPAN;
            while (true) {
                long hi = lim.offset();
                long x = hi <= span ? 0 : scan.lineStart(hi - span);
                Point from = cleanStart(segments, i, x, scan);
                long n = count(segments, from, i, channel, lim);
                if (n >= need) {
                    return new Found(pick(segments, from, i, channel, lim, n - need), 0);
                }
                need -= n;
                if (from.index() < i || from.offset() == 0) {
                    return new Found(null, need);
                }
                lim = new Limit(from.offset(), PodPosition.none(), false);
                span = Math.min(span * 2, 1L << 30);
            }
        }
    }

    private Found backInGzip(List<Segment> segments, int i, Limit limit, long need) throws IOException {
        Point from = cleanStart(segments, i, 0, null);
        long n = count(segments, from, i, null, limit);
        if (n < need) {
            return new Found(null, need - n);
        }
        return new Found(pick(segments, from, i, null, limit, n - need), 0);
    }

    private long count(List<Segment> segments, Point from, int target, FileChannel channel, Limit limit)
            throws IOException {
        long[] n = {0};
        replay(segments, from, target, channel, limit, e -> {
            n[0]++;
            return true;
        });
        return n[0];
    }

    /** The position just before the {@code index}-th (from 0) wanted line the replay shows. */
    private PodPosition pick(List<Segment> segments, Point from, int target, FileChannel channel, Limit limit,
                             long index) throws IOException {
        long[] n = {0};
        Emission[] picked = {null};
        replay(segments, from, target, channel, limit, e -> {
            if (n[0]++ == index) {
                picked[0] = e;
                return false;
            }
            return true;
        });
        Segment segment = segments.get(target);
        if (picked[0] == null) {
            throw new IOException("log file changed while it was counted: " + segment.path().fileName());
        }
        return PodPosition.of(segment.id(), picked[0].point(), picked[0].before());
    }

    /**
     * Reads from {@code from} (a clean point, maybe in a file before) up to the limit's state in
     * file {@code target}, and shows {@code visitor}, in order, each wanted line of that file
     * that comes before that state; stops when it answers false. Lines completed exactly at the
     * limit's offset come before it unless the limit still has them open; lines a range read
     * gave up there are given up here too.
     */
    private void replay(List<Segment> segments, Point from, int target, FileChannel channel, Limit limit,
                        Predicate<Emission> visitor) throws IOException {
        CriJoiner joiner = new CriJoiner(maxLineBytes, partialWindow);
        long offset = start(segments, from, target, joiner);
        Segment segment = segments.get(target);
        SegmentInput in = channel != null ? SegmentInput.plain(channel, offset) : SegmentList.openGzip(segment);
        try {
            long until = limit.offset();
            while (in.offset() < until) {
                int n = in.read(buffer, (int) Math.min(buffer.length, until - in.offset()));
                if (n == 0) {
                    break;
                }
                joiner.feed(buffer, 0, n);
                if (!visit(joiner, limit, visitor)) {
                    return;
                }
            }
            if (joiner.headUndecidedBefore(until)) {
                // the limit is inside the first bytes of a line: read on until they are known to
                // be a record head or text; pieces cut in them are completed then (no line is
                // given up inside a record's head, so nothing else can be due here)
                while (joiner.headUndecidedBefore(until) && in.read(buffer, 1) == 1) {
                    joiner.feed(buffer, 0, 1);
                }
                visit(joiner, limit, visitor);
                return;
            }
            boolean atEnd = true;
            if (in.offset() == until && in.read(buffer, 1) == 1) {
                joiner.prepare(buffer[0]);
                atEnd = false;
            }
            if (atEnd && target < segments.size() - 1 && !SegmentList.chained(segments, target + 1)) {
                joiner.endOfSegment(); // the container restarted: its open lines were given up
            } else {
                if (atEnd && target < segments.size() - 1) {
                    joiner.finishLastRecord(); // rotated: open lines go on in the next file
                }
                if (!limit.wholeFile()) {
                    giveUpAsTheLimitDid(joiner, limit);
                }
            }
        } finally {
            if (channel == null) {
                in.close(); // a plain file's channel belongs to the caller
            }
        }
        visit(joiner, limit, visitor);
    }

    /** A range read ended at the limit: the open lines the limit no longer has were given up there. */
    private static void giveUpAsTheLimitDid(CriJoiner joiner, Limit limit) {
        long here = joiner.position();
        while (true) {
            long[] open = joiner.openFrom();
            CriStream given = null;
            for (CriStream s : CriStream.ALL) {
                long p = open[s.ordinal()];
                if (p != CriJoiner.NONE && p < here && p != limit.from()[s.ordinal()]
                        && (given == null || p < open[given.ordinal()])) {
                    given = s;
                }
            }
            if (given == null) {
                return;
            }
            joiner.flush(given);
        }
    }

    private boolean visit(CriJoiner joiner, Limit limit, Predicate<Emission> visitor) {
        Emission e;
        while ((e = joiner.poll()) != null) {
            int k = e.stream().ordinal();
            boolean before = e.point() < limit.offset()
                    || e.point() == limit.offset() && e.before()[k] != limit.from()[k];
            if (before && entries.accepts(e) && !visitor.test(e)) {
                return false;
            }
        }
        return true;
    }

    // ---- clean points and catching up through the files before

    /** A scan of plain file {@code i}; its start is clean when it is the first file of its restart. */
    private RecordScan scan(List<Segment> segments, int i, FileChannel channel, long size) {
        return new RecordScan(channel, size, partialWindow, !SegmentList.chained(segments, i));
    }

    /**
     * A clean point to read from so as to reach file {@code i} at record start {@code x} in the
     * right state: in file {@code i} when there is one at or before {@code x} (other than its start
     * carrying lines from the file before), else in the files before.
     */
    private Point cleanStart(List<Segment> segments, int i, long x, RecordScan scan) throws IOException {
        if (x > 0 && scan != null) {
            long b = scan.cleanPoint(x);
            if (b > 0) {
                return new Point(i, b);
            }
        }
        for (int p = i; ; p--) {
            if (!SegmentList.chained(segments, p)) {
                return new Point(p, 0);
            }
            Segment before = segments.get(p - 1);
            if (!before.gzip()) {
                try (FileChannel channel = SegmentList.openPlain(before)) {
                    long size = channel.size();
                    if (size > 0) {
                        // not the file's end: what is given up there is given up at the next file's start
                        RecordScan s = scan(segments, p - 1, channel, size);
                        long b = s.cleanPoint(s.lineStart(size - 1));
                        if (b > 0) {
                            return new Point(p - 1, b);
                        }
                    }
                }
            }
        }
    }

    /**
     * Resets {@code joiner} at {@code from} and, when that is in a file before {@code target},
     * reads those files through (their lines dropped, open lines carried over); answers the
     * offset in {@code target} to go on from.
     */
    private long start(List<Segment> segments, Point from, int target, CriJoiner joiner) throws IOException {
        joiner.reset(from.offset());
        if (from.index() == target) {
            return from.offset();
        }
        for (int i = from.index(); i < target; i++) {
            Segment segment = segments.get(i);
            long offset = i == from.index() ? from.offset() : 0;
            if (segment.gzip()) {
                try (SegmentInput in = SegmentList.openGzip(segment)) {
                    feed(in, joiner, Long.MAX_VALUE);
                }
            } else {
                try (FileChannel channel = SegmentList.openPlain(segment)) {
                    feed(SegmentInput.plain(channel, offset), joiner, Long.MAX_VALUE);
                }
            }
            joiner.carryOver(joiner.position());
            while (joiner.poll() != null) {
                // lines of the files before the target are not counted here
            }
        }
        return 0;
    }

    /** Feeds up to {@code until} or the current end, dropping the lines. */
    private void feed(SegmentInput in, CriJoiner joiner, long until) throws IOException {
        while (in.offset() < until) {
            int n = in.read(buffer, (int) Math.min(buffer.length, until - in.offset()));
            if (n == 0) {
                return;
            }
            joiner.feed(buffer, 0, n);
            while (joiner.poll() != null) {
                // only the state at the end matters
            }
        }
    }

    /** A record start in file {@code index} of the listing. */
    private record Point(int index, long offset) {
    }

    /**
     * The state counted up to: an offset and each stream's open line (see {@link PodPosition}),
     * or, {@code wholeFile}, the end of a finished file with whatever is open there going on.
     */
    private record Limit(long offset, long[] from, boolean wholeFile) {
        Limit clampedTo(long size) {
            long o = Math.min(offset, size);
            long[] f = from.clone();
            for (int k = 0; k < f.length; k++) {
                if (f[k] != CriJoiner.NONE && f[k] > o) {
                    f[k] = CriJoiner.NONE;
                }
            }
            return new Limit(o, f, wholeFile);
        }
    }

    private record Found(PodPosition position, long need) {
    }
}
