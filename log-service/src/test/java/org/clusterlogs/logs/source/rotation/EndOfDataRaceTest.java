package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.root.OpenedFile;
import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.testsupport.Rooted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A write that lands between the read that found the end of the data and the look at the file
 * that follows it: the reader must not file the grown file as "the end", or every later
 * wake-up finds "nothing new" and the last lines are never read (seen under load: a follower
 * one line short, for good).
 */
class EndOfDataRaceTest {

    @TempDir
    Path tmp;

    /** {@link PlainRotation}, but the look at the live name that {@code writeAtLook} counts down to appends a line first. */
    private static final class WriteBeforeLook implements RotationLayout<FileSegment> {
        private final PlainRotation plain;
        private final Path file;
        /** Looks to let pass before the one that writes first; negative: none writes. */
        private int writeAtLook = -1;

        WriteBeforeLook(PlainRotation plain, Path file) {
            this.plain = plain;
            this.file = file;
        }

        @Override
        public List<FileSegment> list() throws IOException {
            return plain.list();
        }

        @Override
        public Path liveName(FileSegment current) {
            if (writeAtLook >= 0 && writeAtLook-- == 0) {
                try {
                    Files.writeString(file, "written during the look\n", StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
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
            return plain.open(file, offset);
        }
    }

    private static String readAll(RotatingInput<FileSegment> input) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        for (int n = input.read(buf); n > 0; n = input.read(buf)) {
            // read until nothing more now
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    @Test
    void aWriteBetweenTheEndAndTheLookIsRead() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path stdout = Files.writeString(root.resolve("stdout"), "first\n");
        RootedPath live = new RootedPath(Rooted.root(root), Path.of("stdout"));
        WriteBeforeLook layout = new WriteBeforeLook(new PlainRotation(live), stdout);
        OpenedFile opened = live.openFile();
        FileSegment segment = new FileSegment(live, opened.fileKey(), opened.attributes().lastModifiedTime(), false, true);
        try (RotatingInput<FileSegment> input = new RotatingInput<>(layout, segment,
                SegmentInput.plain(opened.channel(), 0), opened.attributes().lastModifiedTime())) {
            assertEquals("first\n", readAll(input));

            // a wake-up for a new line: the look at the start sees the change, the line is read,
            // the next read finds the end, and right before the look after that, another write
            Files.writeString(stdout, "second\n", StandardOpenOption.APPEND);
            layout.writeAtLook = 1;
            String afterRace = readAll(input);
            String later = readAll(input); // the wake-up for that write: it must not be a no-op
            assertEquals("second\nwritten during the look\n", afterRace + later);
        }
    }
}
