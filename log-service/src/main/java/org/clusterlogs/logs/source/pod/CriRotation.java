package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.source.rotation.RotationLayout;
import org.clusterlogs.logs.source.rotation.SegmentInput;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;

/**
 * How kubelet names and rotates a container's CRI files ({@link SegmentList}): the live file
 * of a restart is {@code <restart>.log}, finished once kubelet renamed it away or a later
 * restart's file exists; the file after another is found by content id, which survives
 * kubelet's rename and compression.
 */
final class CriRotation implements RotationLayout<Segment> {

    private final RootedPath dir;

    CriRotation(RootedPath dir) {
        this.dir = dir;
    }

    @Override
    public List<Segment> list() throws IOException {
        return SegmentList.list(dir);
    }

    @Override
    public Path liveName(Segment current) {
        return dir.absolute().resolve(current.restart() + ".log");
    }

    @Override
    public boolean finishedInPlace(Segment current) throws IOException {
        return current.live() && SegmentList.hasRestartAfter(dir, current.restart());
    }

    @Override
    public Segment successor(List<Segment> segments, Segment current, SegmentInput input, FileTime lastModified)
            throws IOException {
        SegmentId mine = idOf(current, input, false);
        for (int i = 0; i < segments.size(); i++) {
            if (mine != null && mine.equals(segments.get(i).id())) {
                return i + 1 < segments.size() ? segments.get(i + 1) : null;
            }
        }
        for (Segment s : segments) {
            boolean after = mine != null
                    ? s.order().compareTo(mine) > 0
                    : s.restart() > current.restart()
                      || s.restart() == current.restart() && s.live() && !Objects.equals(s.fileKey(), current.fileKey());
            if (after) {
                return s;
            }
        }
        return null;
    }

    @Override
    public SegmentInput open(Segment file, long offset) throws IOException {
        try {
            if (file.gzip()) {
                return SegmentList.openGzip(file);
            }
            FileChannel channel = SegmentList.openPlain(file);
            return SegmentInput.plain(channel, offset);
        } catch (SegmentGoneException e) {
            return null;
        }
    }

    /** A file's content id: as listed, or, when it had no record then, from its first bytes now. */
    static SegmentId idOf(Segment segment, SegmentInput input, boolean finished) throws IOException {
        if (segment.id() != null || input.channel() == null) {
            return segment.id();
        }
        byte[] first = SegmentInput.firstBytes(input.channel(), CriHeader.MAX_BYTES);
        return SegmentList.idOf(segment.restart(), first, finished);
    }
}
