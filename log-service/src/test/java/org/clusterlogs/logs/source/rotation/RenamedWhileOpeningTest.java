package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.testsupport.FileClock;
import org.clusterlogs.logs.testsupport.Rooted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * logrotate's copytruncate renames every rotated file ({@code stdout.k} to {@code stdout.k+1})
 * at each rotation, so a file listed by one name may be under the next name, and another file
 * under the listed one, by the time the reader opens it. The reader must find the copy again,
 * not take "no copy" for an answer (seen under load: followers that lost every copied line).
 */
class RenamedWhileOpeningTest {

    @TempDir
    Path tmp;

    private Path dir;
    private Path stdout;
    private RootedPath live;
    private HookedLayout layout;
    private int written;

    @BeforeEach
    void files() throws IOException {
        dir = Files.createDirectories(tmp.resolve("root"));
        stdout = Files.writeString(dir.resolve("stdout"), "");
        live = new RootedPath(Rooted.root(dir), Path.of("stdout"));
        layout = new HookedLayout(live);
    }

    private String write(int lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append("line-").append(written++).append('\n');
        }
        Files.writeString(stdout, b, StandardOpenOption.APPEND);
        return b.toString();
    }

    /** logrotate's copytruncate: the rotated files shift, {@code stdout} is copied to {@code stdout.1} and truncated. */
    private void copyTruncate() throws IOException {
        shift();
        Files.copy(stdout, dir.resolve("stdout.1"));
        Files.writeString(stdout, "", StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The rename part of a rotation: {@code stdout.k} becomes {@code stdout.k+1}. */
    private void shift() throws IOException {
        for (int k = 20; k >= 1; k--) {
            Path from = dir.resolve("stdout." + k);
            if (Files.exists(from)) {
                Files.move(from, dir.resolve("stdout." + (k + 1)), ATOMIC_MOVE);
            }
        }
    }

    /** Shifts the rotated files right before each of the next {@code opens} opens of a listed file. */
    private void shiftBeforeOpens(int opens) {
        int[] left = {opens};
        layout.beforeOpen(() -> {
            if (left[0]-- > 0) {
                shift();
            }
        });
    }

    /** What the reader has now: reads until it has nothing more (moving on to other files as it goes). */
    private static String drain(RotatingInput<FileSegment> input) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (int n = input.read(buf); n != 0; n = input.read(buf)) {
            // until nothing more now
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    @Test
    void aCopyRenamedBetweenTheListingAndTheOpenIsFoundAgain() throws IOException {
        try (RotatingInput<FileSegment> input = HookedLayout.open(layout, live, 0)) {
            String read = write(3);
            assertEquals(read, drain(input));
            copyTruncate(); // an older copy, already read: its name moves too
            String unread = write(4);
            copyTruncate();
            unread += write(30); // longer than what was read: only the guard shows the truncation
            shiftBeforeOpens(1);
            assertEquals(unread, drain(input));
        }
    }

    @Test
    void filesThatKeepChangingMakeTheReaderWaitNotSkipTheCopy() throws IOException {
        try (RotatingInput<FileSegment> input = HookedLayout.open(layout, live, 0)) {
            String read = write(3);
            assertEquals(read, drain(input));
            String unread = write(4);
            copyTruncate();
            unread += write(3);
            shiftBeforeOpens(10); // renamed before every open of every attempt of this wake-up
            String now = drain(input);
            layout.beforeOpen(() -> { });
            assertEquals(unread, now + drain(input), "nothing lost, and nothing read twice, at the next wake-up");
        }
    }

    @Test
    void aReaderWaitingAtTheStartFindsItsCopyAfterARename() throws Exception {
        try (RotatingInput<FileSegment> input = HookedLayout.open(layout, live, 0)) {
            assertEquals("", drain(input)); // at the start of the live file, nothing read
            FileClock.tick(tmp);
            String unread = write(5);
            copyTruncate();
            unread += write(2);
            shiftBeforeOpens(1);
            assertEquals(unread, drain(input));
        }
    }
}
