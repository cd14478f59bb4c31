package org.clusterlogs.logs.source.pod;

import java.util.Comparator;

/**
 * What a file of a container's log is, independent of its name: the restart it belongs to and
 * the timestamp of its first record. kubelet renames {@code 0.log} to
 * {@code 0.log.<time>} and later gzips it; the content, and so this id, stays the same, so a
 * cursor naming it stays valid. A file whose first line is not a CRI record is named by the
 * CRC-32 of that line's first bytes instead (below any real timestamp).
 *
 * @param restart the {@code <n>} of {@code <n>.log}
 * @param first   ns since the epoch of the first record (or the CRC-32 described above)
 */
record SegmentId(long restart, long first) implements Comparable<SegmentId> {

    private static final Comparator<SegmentId> ORDER =
            Comparator.comparingLong(SegmentId::restart).thenComparingLong(SegmentId::first);

    @Override
    public int compareTo(SegmentId other) {
        return ORDER.compare(this, other);
    }
}
