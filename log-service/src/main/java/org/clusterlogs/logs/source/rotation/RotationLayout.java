package org.clusterlogs.logs.source.rotation;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * How one kind of rotating log names and orders its files: plain log files rotated by
 * logrotate(8) or Mesos ({@link PlainRotation}), or a pod container's CRI files as kubelet
 * rotates them. {@link RotatingInput} does the reading, the same way for every kind.
 *
 * @param <S> the kind's view of one file
 */
public interface RotationLayout<S extends RotatedFile> {

    /** The log's files now, oldest first, the live one last. */
    List<S> list() throws IOException;

    /**
     * Where {@code current} is written while it is live: stat'ed to notice growth and rotation,
     * never opened by this path.
     */
    Path liveName(S current);

    /** Whether {@code current}, still under its live name, is finished all the same (a later restart began). */
    boolean finishedInPlace(S current) throws IOException;

    /**
     * The file to read after {@code current} in {@code files}, found by identity (its name may
     * have changed since it was opened), or null when none follows yet.
     *
     * @param input        the open current file, for an identity learnt from its content
     * @param lastModified the current file's last modification seen
     */
    S successor(List<S> files, S current, SegmentInput input, FileTime lastModified) throws IOException;

    /**
     * Opens a listed file at {@code offset} (0 for gzip), checking it is still the file that was
     * listed.
     *
     * @return null when it is not (rotated again meanwhile) or gone
     */
    SegmentInput open(S file, long offset) throws IOException;
}
