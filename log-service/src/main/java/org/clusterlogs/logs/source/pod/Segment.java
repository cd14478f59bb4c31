package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.source.rotation.RotatedFile;

/**
 * One file of a container's log as listed now: {@code <restart>.log} (the live one),
 * {@code <restart>.log.<yyyyMMdd-HHmmss>} or the same with {@code .gz}.
 *
 * @param path    where it is now
 * @param restart the restart number
 * @param stamp   the rotation time of a rotated file, {@code null} for the live file
 * @param gzip    whether it is compressed
 * @param id      its content id; {@code null} while the file has no complete first record
 * @param fileKey the file system's id of the file, to tell a renamed file from a new one
 */
record Segment(RootedPath path, long restart, String stamp, boolean gzip, SegmentId id, Object fileKey)
        implements RotatedFile {

    @Override
    public boolean live() {
        return stamp == null;
    }

    /** The id for ordering: a file without records yet sorts after everything of its restart. */
    SegmentId order() {
        return id != null ? id : new SegmentId(restart, Long.MAX_VALUE);
    }
}
