package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.root.RootedPath;
import org.clusterlogs.logs.testsupport.Rooted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
        HookedLayout layout = new HookedLayout(live);
        try (RotatingInput<FileSegment> input = HookedLayout.open(layout, live, 0)) {
            assertEquals("first\n", readAll(input));

            // a wake-up for a new line: the look at the start sees the change, the line is read,
            // the next read finds the end, and right before the look after that, another write
            Files.writeString(stdout, "second\n", StandardOpenOption.APPEND);
            int[] looksToLetPass = {1};
            layout.beforeLook(() -> {
                if (looksToLetPass[0]-- == 0) {
                    Files.writeString(stdout, "written during the look\n", StandardOpenOption.APPEND);
                }
            });
            String afterRace = readAll(input);
            String later = readAll(input); // the wake-up for that write: it must not be a no-op
            assertEquals("second\nwritten during the look\n", afterRace + later);
        }
    }
}
