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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged command as a user runs it: the launcher script {@code clusterlogs} and the jar it
 * starts ({@code target/quarkus-app/quarkus-run.jar}), as processes, against the four packaged
 * services. The first run writes the class-data archive (an AOT cache on Java 25), the next ones
 * use it; either way stdout holds the log lines only.
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
        assertTwoRunsPrintTheLineAndKeepAnArchive("java", ".jsa");
    }

    /**
     * With a JDK of version 25 or later (Temurin's, beside the default JDK under /usr/lib/jvm), the
     * first run records a training configuration and the launcher makes an AOT cache of it; neither
     * step prints anything of the JVM's.
     */
    @Test
    void onJava25TheLauncherKeepsAnAotCache() throws Exception {
        Optional<Path> java25 = jdkAtLeast(25);
        assumeTrue(java25.isPresent(), "no JDK 25 or later under /usr/lib/jvm");
        assertTwoRunsPrintTheLineAndKeepAnArchive(java25.get().toString(), ".aot");
    }

    private static void assertTwoRunsPrintTheLineAndKeepAnArchive(String java, String archiveSuffix) throws Exception {
        Result login = run(cluster.adminPassword() + "\n", "login", "--url", cluster.url(), "--uid", "admin", "--password-stdin");
        assertEquals(0, login.exit(), login.err());
        Path cache = work.resolve("cache-" + archiveSuffix.substring(1));
        for (int i = 0; i < 2; i++) { // the first run writes the archive, the second maps it
            Result log = run(Map.of("CLUSTERLOGS_JAVA", java, "XDG_CACHE_HOME", cache.toString()), "",
                    "task", "log", "nginx", "--lines", "1");
            assertEquals(0, log.exit(), log.err());
            assertEquals("second\n", log.out());
            assertEquals("", log.err(), "nothing of the JVM's on stderr, run " + (i + 1));
        }
        try (var archives = Files.list(cache.resolve("clusterlogs"))) {
            List<String> names = archives.map(f -> f.getFileName().toString()).toList();
            assertEquals(1, names.size(), "the archive alone, no leftovers: " + names);
            assertTrue(names.get(0).endsWith(archiveSuffix), "the launcher keeps its archive: " + names);
        }
    }

    /** A JDK's java whose release file says version {@code feature} or later. */
    private static Optional<Path> jdkAtLeast(int feature) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (var jdks = Files.list(jvms)) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && version(jdk) >= feature)
                    .map(jdk -> jdk.resolve("bin/java")).findFirst();
        }
    }

    private static int version(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    String v = line.substring("JAVA_VERSION=\"".length());
                    return Integer.parseInt(v.substring(0, v.indexOf('.') > 0 ? v.indexOf('.') : v.indexOf('"')));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no release file, or one we cannot read: not a JDK to use
        }
        return 0;
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
        return run(Map.of(), stdin, arguments);
    }

    private static Result run(Map<String, String> environment, String stdin, String... arguments) throws Exception {
        ProcessBuilder builder = launcher(arguments);
        builder.environment().putAll(environment);
        Process process = builder.start();
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
