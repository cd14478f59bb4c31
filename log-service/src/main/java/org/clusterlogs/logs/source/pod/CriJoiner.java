package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.LineBuffer;

import java.util.ArrayDeque;

/**
 * Turns the bytes of one CRI log file into lines. A record {@code <time> <stream> P <text>}
 * opens (or continues) its stream's line, the next {@code F} record of the same stream
 * completes it; records of the other stream may come in between. Lines longer than the cap
 * are cut into pieces. An open line is given up as it stands (returned joined so far):
 * <ul>
 *   <li>at the end of a restart's last file (the container ended) - across kubelet's rotation,
 *       to the next file of the same restart, it goes on ({@link #carryOver(long)});</li>
 *   <li>when its stream writes no record within {@code partialWindow} bytes of the log: the
 *       next record to start gives it up. This bounds how far back a position must look;</li>
 *   <li>when a range read ends with it ({@link #flushOne()}).</li>
 * </ul>
 *
 * <p>Offsets are those of the file being read; after a carry-over, what is still open from
 * the previous file has negative offsets. The joiner is deterministic from any state
 * {@link PodPosition} can name: reset at a record start with, per stream, the offset from
 * which that stream's bytes are kept (bytes before it were already returned), it produces
 * exactly the lines that followed that state.
 */
final class CriJoiner {

    /** No line open, no record seen: an offset no file has. */
    static final long NONE = Long.MIN_VALUE;

    private final int maxLineBytes;
    private final long partialWindow;
    private final LineBuffer[] text = {new LineBuffer(256), new LineBuffer(256), new LineBuffer(256)};
    /** Per stream: where its open line's kept bytes begin, {@link #NONE} when none is open. */
    private final long[] start = {NONE, NONE, NONE};
    /** Per stream: bytes before this offset were returned before the reset. */
    private final long[] keepFrom = new long[3];
    /** Per stream: end of its last kept record. */
    private final long[] lastEnd = {NONE, NONE, NONE};
    private final long[] nanos = {-1, -1, -1};
    private final ArrayDeque<Emission> out = new ArrayDeque<>();
    private final byte[] header = new byte[CriHeader.MAX_BYTES];

    /** Offset of the next byte fed. */
    private long position;
    /** Start of the record being read, {@link #NONE} between records. */
    private long recordStart = NONE;
    private int headerLength;
    private int spaces;
    /** The record's stream, {@code null} while its head is not read yet. */
    private CriStream recordStream;
    private boolean recordPartial;
    private long recordNanos;
    /** Whether the record's bytes are kept (from some offset in it on). */
    private boolean recordKept;

    CriJoiner(int maxLineBytes, long partialWindow) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
        this.partialWindow = partialWindow;
    }

    /** Starts over at {@code offset}, a record start, keeping stream s's bytes from {@code keep[s]}. */
    void reset(long offset, long[] keep) {
        position = offset;
        endOfRecord();
        for (int k = 0; k < 3; k++) {
            start[k] = NONE;
            lastEnd[k] = NONE;
            nanos[k] = -1;
            keepFrom[k] = keep[k];
            text[k].clear();
        }
        out.clear();
    }

    /** Starts over at {@code offset}, a record start where no line is open. */
    void reset(long offset) {
        reset(offset, new long[] {offset, offset, offset});
    }

    long position() {
        return position;
    }

    /** The next completed line, or {@code null}. */
    Emission poll() {
        return out.poll();
    }

    /** The state here as a position (see {@link PodPosition}): where to resume and what is open. */
    long[] openFrom() {
        return start.clone();
    }

    /**
     * Whether the head of a record that started before {@code offset} is still being read. The
     * first bytes of a line are only known to be text once they are known not to be a record
     * head; a line cut at the cap inside them is cut when that is decided, a little later.
     */
    boolean headUndecidedBefore(long offset) {
        return recordStart != NONE && recordStart < offset && recordStream == null;
    }

    /** The offset of the state here: the start of a record whose head is still being read, else the position. */
    long stateOffset() {
        return recordStart != NONE && recordStream == null ? recordStart : position;
    }

    void feed(byte[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (recordStream == null) {
                if (recordStart == NONE) {
                    recordStart = position;
                    giveUpStale(position);
                }
                byte b = buf[i++];
                position++;
                if (b == '\n') {
                    decide(true);
                    finishRecord();
                    continue;
                }
                header[headerLength++] = b;
                if (b == ' ') {
                    spaces++;
                }
                if (spaces == 3 || headerLength == CriHeader.MAX_BYTES) {
                    decide(false);
                }
            } else {
                int newline = i;
                while (newline < end && buf[newline] != '\n') {
                    newline++;
                }
                if (newline > i) {
                    text(recordStream, buf, i, newline - i, position);
                    position += newline - i;
                    i = newline;
                }
                if (newline < end) {
                    i++;
                    position++;
                    finishRecord();
                }
            }
        }
    }

    /**
     * Does what the next byte, {@code next}, would trigger before it is taken: giving up stale
     * lines at a record start, or cutting a full line. A backward count feeds up to a position
     * and calls this to see the lines completed exactly there.
     */
    void prepare(byte next) {
        if (recordStream == null) {
            if (recordStart == NONE) {
                recordStart = position;
                giveUpStale(position);
            }
            return;
        }
        int k = recordStream.ordinal();
        if (next != '\n' && recordKept && position >= keepFrom[k] && text[k].length() >= maxLineBytes) {
            emit(recordStream, true, position, position);
        }
    }

    /** The restart's last file is finished: a last record without newline ends here, every open line is given up. */
    void endOfSegment() {
        finishLastRecord();
        while (flushOne()) {
            // give up every open line, oldest first
        }
    }

    /**
     * The file, {@code size} bytes, is finished and the next file of the same restart follows
     * (kubelet rotated it): a last record without newline ends here, open lines go on in the
     * next file, whose first byte is offset 0 from now on.
     */
    void carryOver(long size) {
        finishLastRecord();
        position -= size;
        for (int k = 0; k < 3; k++) {
            keepFrom[k] -= size;
            if (start[k] != NONE) {
                start[k] -= size;
            }
            if (lastEnd[k] != NONE) {
                lastEnd[k] -= size;
            }
        }
    }

    /** The file ends here: a last record without newline ends with it. */
    void finishLastRecord() {
        if (recordStart != NONE && (recordStream != null || headerLength > 0)) {
            if (recordStream == null) {
                decide(true);
            }
            finishRecord();
        } else {
            endOfRecord();
        }
    }

    /**
     * Gives up the open line that started first, returning it as it is; false when none is open
     * (a line that would only start here, in the middle of a record just given up, is not).
     */
    boolean flushOne() {
        long here = stateOffset();
        CriStream first = null;
        for (CriStream s : CriStream.ALL) {
            long k = start[s.ordinal()];
            if (k != NONE && k < here && (first == null || k < start[first.ordinal()])) {
                first = s;
            }
        }
        if (first == null) {
            return false;
        }
        flush(first);
        return true;
    }

    /** Gives up the open line of {@code stream}: what follows of its current record is a new line. */
    void flush(CriStream stream) {
        boolean recordGoesOn = stream == recordStream && recordKept;
        emit(stream, false, stateOffset(), recordGoesOn ? position : NONE);
    }

    private void decide(boolean wholeLine) {
        CriHeader h = CriHeader.parse(header, headerLength, wholeLine);
        if (h != null) {
            recordStream = h.stream();
            recordPartial = h.partial();
            recordNanos = h.nanos();
        } else {
            recordStream = CriStream.RAW;
            recordPartial = false;
            recordNanos = -1;
        }
        if (recordStart >= keepFrom[recordStream.ordinal()]) {
            begin(recordStream, recordStart);
        }
        if (h == null) {
            text(CriStream.RAW, header, 0, headerLength, recordStart);
        }
    }

    private void begin(CriStream s, long at) {
        int k = s.ordinal();
        if (start[k] == NONE) {
            start[k] = at;
        }
        nanos[k] = recordNanos;
        recordKept = true;
    }

    private void text(CriStream s, byte[] buf, int from, int count, long pos) {
        int k = s.ordinal();
        long keep = keepFrom[k];
        if (count == 0 || pos + count <= keep) {
            return;
        }
        if (pos < keep) {
            int skip = (int) (keep - pos);
            from += skip;
            count -= skip;
            pos = keep;
        }
        if (!recordKept) {
            begin(s, pos);
        }
        LineBuffer pending = text[k];
        while (count > 0) {
            if (pending.length() >= maxLineBytes) {
                emit(s, true, pos, pos);
            }
            int take = Math.min(count, maxLineBytes - pending.length());
            pending.append(buf, from, take);
            from += take;
            count -= take;
            pos += take;
        }
    }

    private void finishRecord() {
        CriStream s = recordStream;
        int k = s.ordinal();
        if (!recordKept && position - 1 >= keepFrom[k]) {
            begin(s, keepFrom[k]);
        }
        if (recordKept) {
            lastEnd[k] = position;
            if (s == CriStream.RAW || !recordPartial) {
                emit(s, false, position, NONE);
            }
        }
        endOfRecord();
    }

    private void endOfRecord() {
        recordStart = NONE;
        headerLength = 0;
        spaces = 0;
        recordStream = null;
        recordKept = false;
    }

    /** Gives up, oldest first, the open lines whose stream wrote nothing in the last partialWindow bytes. */
    private void giveUpStale(long recordAt) {
        while (true) {
            CriStream due = null;
            for (CriStream s : CriStream.JOINED) {
                int k = s.ordinal();
                if (start[k] != NONE && lastEnd[k] != NONE && lastEnd[k] < recordAt - partialWindow
                        && (due == null || start[k] < start[due.ordinal()])) {
                    due = s;
                }
            }
            if (due == null) {
                return;
            }
            emit(due, false, recordAt, NONE);
        }
    }

    private void emit(CriStream s, boolean split, long point, long nextStart) {
        int k = s.ordinal();
        long[] before = start.clone();
        byte[] line = text[k].take();
        start[k] = nextStart;
        out.add(new Emission(s, line, split, nanos[k], point, before, start.clone()));
    }
}
