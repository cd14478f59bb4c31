package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.root.OpenedFile;
import org.clusterlogs.logs.source.root.RootedPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * {@link PlainRotation} with a hook run right before a look at the live name or an open of a
 * listed file: what a writer does in the gaps a reader cannot close (a write between reading
 * the end and the look, a rotation between a listing and an open).
 */
final class HookedLayout implements RotationLayout<FileSegment> {

    /** Something done to the files; may throw. */
    interface Step {
        void run() throws IOException;
    }

    private final PlainRotation plain;
    private Step beforeLook = () -> { };
    private Step beforeOpen = () -> { };

    HookedLayout(RootedPath live) {
        this.plain = new PlainRotation(live);
    }

    /** Runs {@code step} before every look at the live name from now on. */
    void beforeLook(Step step) {
        beforeLook = step;
    }

    /** Runs {@code step} before every open of a listed file from now on. */
    void beforeOpen(Step step) {
        beforeOpen = step;
    }

    /** A reader of the log from {@code offset} of the live file, through this layout. */
    static RotatingInput<FileSegment> open(HookedLayout layout, RootedPath live, long offset) throws IOException {
        OpenedFile opened = live.openFile();
        FileTime modified = opened.attributes().lastModifiedTime();
        FileSegment segment = new FileSegment(live, opened.fileKey(), modified, false, true);
        return new RotatingInput<>(layout, segment, SegmentInput.plain(opened.channel(), offset), modified);
    }

    @Override
    public List<FileSegment> list() throws IOException {
        return plain.list();
    }

    @Override
    public Path liveName(FileSegment current) {
        try {
            beforeLook.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return plain.liveName(current);
    }

    @Override
    public boolean finishedInPlace(FileSegment current) {
        return plain.finishedInPlace(current);
    }

    @Override
    public FileSegment successor(List<FileSegment> files, FileSegment current, SegmentInput input,
                                 FileTime lastModified) {
        return plain.successor(files, current, input, lastModified);
    }

    @Override
    public SegmentInput open(FileSegment file, long offset) throws IOException {
        beforeOpen.run();
        return plain.open(file, offset);
    }
}
