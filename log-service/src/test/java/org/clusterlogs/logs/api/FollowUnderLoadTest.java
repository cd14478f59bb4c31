package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.clusterlogs.logs.testsupport.SseSwarm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of SSE followers of one task file while a fast writer appends numbered lines and the
 * file rotates every ~100 ms (as logrotate does, and as kubelet does a pod's log): every follower
 * gets every line exactly once, in order. The short
 * form runs in the build; {@code -Dload.followers=1000 -Dload.lines=50000} makes it long.
 */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class FollowUnderLoadTest {

    private static final int FOLLOWERS = Integer.getInteger("load.followers", 300);
    private static final int LINES = Integer.getInteger("load.lines", 6000);
    private static final long ROTATE_EVERY_MS = 100;
    private static final long WRITE_FOR_MS = 3000;
    private static final DateTimeFormatter CRI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @TestHTTPResource("/")
    URL base;

    /** How the writer rotates its file. */
    private enum Style { RENAME_AND_CREATE, COPY_TRUNCATE, KUBELET }

    @Test
    void renameAndCreateEveryLineOnceForEveryFollower() throws Exception {
        run(Style.RENAME_AND_CREATE, FOLLOWERS);
    }

    /**
     * Copy-truncate, as logrotate's copytruncate with its renaming of the older copies at every
     * rotation: a follower that is behind goes on in the copy, one at the start of the file with
     * nothing read of it reads the copies made since it got there. The writer writes nothing
     * between the copy and the truncation (the lines logrotate itself loses), so every follower
     * gets every line exactly once here too.
     */
    @Test
    void copyTruncateNeverRepeatsALine() throws Exception {
        run(Style.COPY_TRUNCATE, FOLLOWERS / 3);
    }

    /** kubelet's rotation of a container log: {@code 0.log} renamed to {@code 0.log.<time>}, a new {@code 0.log}. */
    @Test
    void podLogEveryLineOnceForEveryFollower() throws Exception {
        run(Style.KUBELET, FOLLOWERS / 3);
    }

    private void run(Style style, int followers) throws Exception {
        Path live;
        String route;
        if (style == Style.KUBELET) {
            String pod = "load-" + UUID.randomUUID().toString().substring(0, 8);
            Path dir = Files.createDirectories(LogRoots.pods().resolve("default_" + pod + "_" + UUID.randomUUID())
                    .resolve("app"));
            live = Files.writeString(dir.resolve("0.log"), "");
            route = "/system/v1/logs/v2/pods/default/" + pod + "/app";
        } else {
            Sandboxes sandbox = Sandboxes.create();
            live = sandbox.write("stdout", "");
            route = sandbox.route("stdout");
        }
        try (SseSwarm swarm = SseSwarm.connect(base.getHost(), base.getPort(), route + "?cursor=BEG", followers)) {
            assertTrue(swarm.awaitEach(0, true, 30, TimeUnit.SECONDS), "every follower is live");
            int rotations = write(live, style);
            // copy-truncate: a follower that lost lines fails at once rather than after the timeout
            boolean complete = style != Style.COPY_TRUNCATE
                    ? swarm.awaitEach(LINES, false, 120, TimeUnit.SECONDS)
                    : swarm.awaitLast("line-" + (LINES - 1), 120, TimeUnit.SECONDS);
            Thread.sleep(300); // anything repeated at the end would arrive now
            List<String> expected = IntStream.range(0, LINES).mapToObj(i -> "line-" + i).toList();
            List<String> wrong = new ArrayList<>();
            long lost = 0;
            for (int i = 0; i < swarm.size(); i++) {
                List<String> got = swarm.messages(i);
                if (!got.equals(expected)) {
                    wrong.add("follower " + i + ": " + describe(got));
                }
                lost += LINES - got.size();
                if (Boolean.getBoolean("load.debug") && i < 3) {
                    System.out.println("follower " + i + " missing: " + missingRanges(got));
                }
            }
            System.out.printf("%s: %d followers, %d lines, %d rotations, %d lines lost in all%n",
                    style, followers, LINES, rotations, lost);
            assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())),
                    wrong.size() + " of " + followers + " followers wrong after " + rotations + " rotations"
                            + (complete ? "" : " (not all complete)"));
            assertTrue(rotations >= 10, "rotated " + rotations + " times");
        }
    }

    /** Appends the numbered lines in small writes over a few seconds, rotating as it goes. */
    private static int write(Path stdout, Style style) throws IOException, InterruptedException {
        Path dir = stdout.getParent();
        FileChannel out = FileChannel.open(stdout, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        long start = System.nanoTime();
        long nextRotation = ROTATE_EVERY_MS;
        int rotations = 0;
        int perWrite = 7;
        for (int i = 0; i < LINES; ) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < perWrite && i < LINES; k++, i++) {
                if (style == Style.KUBELET) {
                    b.append(CRI_TIME.format(Instant.ofEpochSecond(1_700_000_000L, i * 1000L))).append(" stdout F ");
                }
                b.append("line-").append(i).append('\n');
            }
            out.write(ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            if (elapsedMs >= nextRotation) {
                rotations++;
                nextRotation += ROTATE_EVERY_MS;
                if (style == Style.KUBELET) {
                    out.close();
                    String stamp = STAMP.format(Instant.ofEpochSecond(1_700_000_000L + rotations));
                    Files.move(stdout, dir.resolve("0.log." + stamp), ATOMIC_MOVE);
                    out = FileChannel.open(stdout, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                } else if (style == Style.RENAME_AND_CREATE) {
                    out.close();
                    shift(dir, rotations);
                    Files.move(stdout, dir.resolve("stdout.1"), ATOMIC_MOVE);
                    out = FileChannel.open(stdout, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                } else {
                    shift(dir, rotations);
                    Files.copy(stdout, dir.resolve("stdout.1"));
                    out.truncate(0);
                }
            }
            long due = (long) i * WRITE_FOR_MS / LINES;
            if (due > elapsedMs) {
                Thread.sleep(due - elapsedMs);
            }
        }
        out.close();
        return rotations;
    }

    /** logrotate's numbering: {@code stdout.k} becomes {@code stdout.k+1}, every rotated file kept. */
    private static void shift(Path dir, int count) throws IOException {
        for (int k = count; k >= 1; k--) {
            Path from = dir.resolve("stdout." + k);
            if (Files.exists(from)) {
                Files.move(from, dir.resolve("stdout." + (k + 1)), ATOMIC_MOVE);
            }
        }
    }

    private static String missingRanges(List<String> got) {
        Set<String> seen = new HashSet<>(got);
        StringBuilder b = new StringBuilder();
        int start = -1;
        for (int i = 0; i <= LINES; i++) {
            boolean missing = i < LINES && !seen.contains("line-" + i);
            if (missing && start < 0) {
                start = i;
            } else if (!missing && start >= 0) {
                b.append(start).append("-").append(i - 1).append(' ');
                start = -1;
            }
        }
        return b.toString();
    }

    private static String describe(List<String> got) {
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (String s : got) {
            if (!seen.add(s)) {
                duplicates++;
            }
        }
        int missing = 0;
        int firstMissing = -1;
        for (int i = 0; i < LINES; i++) {
            if (!seen.contains("line-" + i)) {
                missing++;
                firstMissing = firstMissing < 0 ? i : firstMissing;
            }
        }
        return got.size() + " lines, " + missing + " missing (the first: line-" + firstMissing + "), "
                + duplicates + " repeated, the last received: " + (got.isEmpty() ? "none" : got.get(got.size() - 1));
    }
}
