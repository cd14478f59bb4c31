package org.clusterlogs.cli;

import org.clusterlogs.testing.process.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged command as a user runs it: the launcher script {@code clusterlogs} and the jar it
 * starts ({@code target/quarkus-app/quarkus-run.jar}), as processes, against the four packaged
 * services. The first run writes the class-data archive, the next ones use it; either way
 * stdout holds the log lines only.
 */
class LauncherIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    private static LocalCluster cluster;

    @BeforeAll
    static void startTheCluster() throws Exception {
        cluster = LocalCluster.start(work);
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void loginThenTheLastLineOfTheTaskThroughTheLauncherAndTheJar() throws Exception {
        Result login = run(cluster.adminPassword() + "\n", "login", "--url", cluster.url(), "--uid", "admin", "--password-stdin");
        assertEquals(0, login.exit(), login.err());
        for (int i = 0; i < 2; i++) { // the first run writes the class-data archive, the second maps it
            Result log = run("", "task", "log", "nginx", "--lines", "1");
            assertEquals(0, log.exit(), log.err());
            assertEquals("second\n", log.out());
        }
        try (var archives = Files.list(work.resolve("cache/clusterlogs"))) {
            assertTrue(archives.anyMatch(f -> f.getFileName().toString().endsWith(".jsa")), "the launcher keeps its archive");
        }
    }

    @Test
    void badArgumentsExitTwoWithTheUsageOnStderr() throws Exception {
        Result bad = run("", "task", "log");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("Usage: clusterlogs task log"), bad.err());
        assertEquals("", bad.out());
    }

    @Test
    void ctrlCEndsAFollowCleanly() throws Exception {
        Result login = run(cluster.adminPassword() + "\n", "login", "--url", cluster.url(), "--uid", "admin", "--password-stdin");
        assertEquals(0, login.exit(), login.err());
        Process follow = launcher("task", "log", "nginx", "--lines", "1", "--follow").start();
        follow.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outCopy = copy(follow.getInputStream(), out);
        Thread errCopy = copy(follow.getErrorStream(), err);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!out.toString(StandardCharsets.UTF_8).equals("second\n")) {
            if (System.nanoTime() > deadline || !follow.isAlive()) {
                follow.destroyForcibly();
                fail("the follow printed " + out + "\nstderr: " + err);
            }
            Thread.sleep(50);
        }
        new ProcessBuilder("kill", "-INT", Long.toString(follow.pid())).start().waitFor();
        assertTrue(follow.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "Ctrl-C ends the follow");
        outCopy.join();
        errCopy.join();
        assertEquals(130, follow.exitValue(), "128 + SIGINT, as for any command Ctrl-C ends");
        assertEquals("second\n", out.toString(StandardCharsets.UTF_8));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("Exception"), err.toString(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------ helpers

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String stdin, String... arguments) throws Exception {
        Process process = launcher(arguments).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outCopy = copy(process.getInputStream(), out);
        Thread errCopy = copy(process.getErrorStream(), err);
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("clusterlogs " + String.join(" ", arguments) + " did not end");
        }
        outCopy.join();
        errCopy.join();
        return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The launcher beside this module's pom, with a config and a cache directory of the test's. */
    private static ProcessBuilder launcher(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of("clusterlogs").toAbsolutePath().toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_CONFIG_HOME", work.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        builder.environment().remove("CLUSTERLOGS_URL");
        builder.environment().remove("CLUSTERLOGS_TOKEN");
        builder.environment().remove("CLUSTERLOGS_HOME");
        return builder;
    }

    private static Thread copy(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // the process ended
            }
        });
        thread.start();
        return thread;
    }
}
