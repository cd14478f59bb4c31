package org.clusterlogs.logs.source.root;

import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.testsupport.Rooted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening under a root: links inside it work, links out of it and dot-dot above it never do. */
class LogRootTest {

    @TempDir
    Path tmp;

    private Path rootDir;
    private Path secret;
    private final AtomicInteger refusals = new AtomicInteger();
    private LogRoot root;

    @BeforeEach
    void layout() throws IOException {
        rootDir = Files.createDirectories(tmp.resolve("root"));
        secret = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("secret"), "SECRET\n");
        Files.createDirectories(rootDir.resolve("runs/c-1"));
        Files.writeString(rootDir.resolve("runs/c-1/stdout"), "hello\n");
        root = Rooted.root(rootDir, refusals);
    }

    private static String read(OpenedFile file) throws IOException {
        try (file) {
            ByteBuffer b = ByteBuffer.allocate((int) file.channel().size());
            file.channel().read(b, 0);
            return new String(b.array(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void opensARegularFile() throws IOException {
        OpenedFile file = root.openFile(Path.of("runs/c-1/stdout"));
        assertEquals(Path.of("runs/c-1/stdout"), file.realRelative());
        assertEquals("hello\n", read(file));
    }

    @Test
    void followsLinksThatStayInsideTheRoot() throws IOException {
        // Mesos' runs/latest: an absolute link to a sibling run directory
        Files.createSymbolicLink(rootDir.resolve("runs/latest"), rootDir.resolve("runs/c-1"));
        assertEquals("hello\n", read(root.openFile(Path.of("runs/latest/stdout"))));
        assertEquals(Path.of("runs/c-1/stdout"), root.resolve(Path.of("runs/latest/stdout")).realRelative());
        // a relative link, and a link to a link
        Files.createSymbolicLink(rootDir.resolve("runs/c-1/out"), Path.of("stdout"));
        Files.createSymbolicLink(rootDir.resolve("up"), Path.of("runs/c-1/../latest/out"));
        assertEquals("hello\n", read(root.openFile(Path.of("runs/c-1/out"))));
        assertEquals("hello\n", read(root.openFile(Path.of("up"))));
        assertEquals(0, refusals.get());
    }

    @Test
    void refusesLinksThatLeaveTheRootAndCountsThem() throws IOException {
        Files.createSymbolicLink(rootDir.resolve("runs/c-1/abs"), secret);
        Files.createSymbolicLink(rootDir.resolve("runs/c-1/rel"), Path.of("../../../outside/secret"));
        Files.createSymbolicLink(rootDir.resolve("runs/out"), tmp.resolve("outside"));
        for (String p : List.of("runs/c-1/abs", "runs/c-1/rel", "runs/out/secret")) {
            assertThrows(PathRefusedException.class, () -> root.openFile(Path.of(p)), p);
        }
        assertThrows(PathRefusedException.class, () -> root.list(Path.of("runs/out")));
        assertThrows(PathRefusedException.class, () -> root.openFile(Path.of("../outside/secret")));
        assertEquals(5, refusals.get());
    }

    @Test
    void refusesALinkLoop() throws IOException {
        Files.createSymbolicLink(rootDir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(rootDir.resolve("b"), Path.of("a"));
        assertThrows(PathRefusedException.class, () -> root.openFile(Path.of("a")));
    }

    @Test
    void aDirectoryOrAFifoIsNotAFile() throws Exception {
        assertThrows(BadPathException.class, () -> root.openFile(Path.of("runs/c-1")));
        Path fifo = rootDir.resolve("runs/c-1/pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        // refused before any open: opening a FIFO would block until a writer comes
        assertThrows(BadPathException.class, () -> root.openFile(Path.of("runs/c-1/pipe")));
    }

    @Test
    void missingIsNotFound() {
        assertThrows(LogNotFoundException.class, () -> root.openFile(Path.of("runs/c-2/stdout")));
        assertThrows(LogNotFoundException.class, () -> root.openFile(Path.of("runs/c-1/stdout/x")));
        LogRoot absent = Rooted.root(tmp.resolve("absent"));
        assertThrows(LogNotFoundException.class, () -> absent.openFile(Path.of("x")));
    }

    @Test
    void listsWithoutFollowingLinks() throws IOException {
        Files.createSymbolicLink(rootDir.resolve("runs/c-1/abs"), secret);
        Listing listing = root.list(Path.of("runs/c-1"));
        assertEquals(Path.of("runs/c-1"), listing.realRelative());
        assertEquals(List.of("abs", "stdout"), listing.items().stream().map(Listing.Item::name).sorted().toList());
        Listing.Item link = listing.items().stream().filter(i -> i.name().equals("abs")).findFirst().orElseThrow();
        assertTrue(link.attributes().isSymbolicLink());
        assertEquals(0, refusals.get());
    }

    /**
     * A task swaps its file for a link out of the root and back, as fast as it can, while the
     * service opens it: every open either gets the task's own file or is refused.
     */
    @Test
    void aSwapRaceNeverOpensTheTarget() throws Exception {
        Path dir = rootDir.resolve("runs/c-1");
        Path stdout = dir.resolve("stdout");
        Files.createSymbolicLink(dir.resolve("evil"), secret);
        Files.writeString(dir.resolve("good"), "hello\n");
        AtomicBoolean stop = new AtomicBoolean();
        Thread swapper = new Thread(() -> {
            try {
                while (!stop.get()) {
                    Files.createLink(dir.resolve("good.tmp"), dir.resolve("good"));
                    Files.move(dir.resolve("good.tmp"), stdout, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    Files.createSymbolicLink(dir.resolve("evil.tmp"), secret);
                    Files.move(dir.resolve("evil.tmp"), stdout, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        swapper.start();
        int opened = 0;
        int refused = 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < deadline) {
            try {
                assertEquals("hello\n", read(root.openFile(Path.of("runs/c-1/stdout"))));
                opened++;
            } catch (PathRefusedException | LogNotFoundException e) {
                refused++;
            }
        }
        stop.set(true);
        swapper.join();
        assertTrue(opened > 0 && refused > 0, "opened " + opened + ", refused " + refused);
        assertFalse(refusals.get() == 0);
    }

    @Test
    void readLinkGivesTheTargetWithoutFollowingIt() throws IOException {
        Files.createSymbolicLink(rootDir.resolve("runs/latest"), Path.of("c-1"));
        Files.createSymbolicLink(rootDir.resolve("runs/away"), secret);
        assertEquals(Path.of("c-1"), root.readLink(Path.of("runs/latest")));
        assertEquals(secret, root.readLink(Path.of("runs/away")), "the target is only text");
        assertEquals(0, refusals.get());
    }

    @Test
    void readLinkOfANonLinkOrNothing() {
        assertThrows(BadPathException.class, () -> root.readLink(Path.of("runs/c-1/stdout")));
        assertThrows(LogNotFoundException.class, () -> root.readLink(Path.of("runs/none")));
        assertThrows(LogNotFoundException.class, () -> root.readLink(Path.of("none/latest")));
        assertThrows(BadPathException.class, () -> root.readLink(Path.of("runs/..")));
    }

    @Test
    void readLinkWalksItsDirectoriesThroughTheRoot() throws IOException {
        Path outsideDir = secret.getParent();
        Files.createSymbolicLink(outsideDir.resolve("latest"), Path.of("secret"));
        Files.createSymbolicLink(rootDir.resolve("out"), outsideDir);
        assertThrows(PathRefusedException.class, () -> root.readLink(Path.of("out/latest")));
        assertThrows(PathRefusedException.class, () -> root.readLink(Path.of("../outside/latest")));
        assertEquals(2, refusals.get());
    }
}
