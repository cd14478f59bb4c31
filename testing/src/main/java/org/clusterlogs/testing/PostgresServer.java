package org.clusterlogs.testing;

import org.clusterlogs.testing.process.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: Debian's binaries ({@code /usr/lib/postgresql/<version>/bin},
 * the newest), a fresh cluster in a temporary data directory, listening on a free loopback port
 * only. PostgreSQL refuses to run as root, so as root every command runs as the {@code postgres}
 * user ({@code runuser -u postgres --}) and the data directory belongs to it. Nothing is skipped:
 * without PostgreSQL installed, {@link #start()} fails and says how to install it.
 *
 * <pre>{@code
 * try (PostgresServer pg = PostgresServer.start()) {
 *     String url = pg.jdbcUrl();   // jdbc:postgresql://127.0.0.1:<port>/test, user "test", password "test"
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "test";
    public static final String USER = "test";
    public static final String PASSWORD = "test";

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Creates a cluster, starts it, and creates the user and database {@code test} (password {@code test}). */
    public static PostgresServer start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path base = Files.createTempDirectory("pg-test-");
            Path dataDir = base.resolve("data");
            PostgresServer server = new PostgresServer(bin, dataDir, Ports.freeLoopbackPort(), root);
            if (root) {
                run(List.of("chown", "postgres:postgres", base.toString()));
            }
            Path pwFile = base.resolve("pw");
            Files.writeString(pwFile, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "postgres:postgres", pwFile.toString()));
            }
            server.pg("initdb", "-D", dataDir.toString(), "-U", USER, "--pwfile=" + pwFile, "--auth=scram-sha-256",
                    "-E", "UTF8", "--no-sync");
            server.pg("pg_ctl", "-D", dataDir.toString(), "-w", "-t", "60", "-l", base.resolve("server.log").toString(),
                    "-o", "-c listen_addresses=127.0.0.1 -p " + server.port + " -k " + base + " -c fsync=off", "start");
            server.pg("createdb", "-h", "127.0.0.1", "-p", Integer.toString(server.port), "-U", USER, DATABASE);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a PostgreSQL data directory", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** Stops the server at once and deletes its data directory. */
    @Override
    public void close() {
        try {
            pg("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
        } finally {
            deleteTree(dataDir.getParent());
        }
    }

    private void pg(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", PASSWORD); // for createdb; initdb and pg_ctl ignore it
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + command + "\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    /** The bin directory of the newest PostgreSQL under /usr/lib/postgresql, or a failure that says what to install. */
    static Path binaries() {
        try (Stream<Path> versions = Files.isDirectory(DEBIAN_ROOT) ? Files.list(DEBIAN_ROOT) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed: no "
                            + DEBIAN_ROOT + "/<version>/bin/initdb. Install it with: apt-get install -y postgresql"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DEBIAN_ROOT, e);
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }


    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
