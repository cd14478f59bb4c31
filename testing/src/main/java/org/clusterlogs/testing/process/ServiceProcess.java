package org.clusterlogs.testing.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as its own
 * process on a loopback port, with the JVM options it ships with ({@code <module>/jvm.options});
 * its output goes to a file that a failing test prints. Tests run in a module directory of the
 * repository, so the modules are found beside it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String LOOPBACK = "127.0.0.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final String host;
    private final int port;

    private ServiceProcess(String name, Process process, Path log, String host, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts {@code module}'s jar on a free port with {@code properties} as system properties and
     * {@code env} added to the environment, and waits until it is ready.
     */
    public static ServiceProcess start(String module, Map<String, String> properties, Map<String, String> env,
                                       Path workDir) throws IOException, InterruptedException {
        return start(module, properties, env, workDir, Ports.freeLoopbackPort());
    }

    /** The same on a given port (a restart where the service ran before). */
    public static ServiceProcess start(String module, Map<String, String> properties, Map<String, String> env,
                                       Path workDir, int port) throws IOException, InterruptedException {
        return start(module, properties, env, workDir, LOOPBACK, port);
    }

    /**
     * The same bound to another loopback address ({@code 127.0.0.2}, …): several services of one
     * kind on one machine with the same port, as on the nodes of a cluster.
     */
    public static ServiceProcess start(String module, Map<String, String> properties, Map<String, String> env,
                                       Path workDir, String host, int port) throws IOException, InterruptedException {
        ServiceProcess service = launch(module, properties, env, workDir, host, port);
        service.awaitReady();
        return service;
    }

    /**
     * Starts the jar without waiting for it. A null value in {@code env} removes that variable
     * (so the test does not depend on the environment it runs in).
     */
    public static ServiceProcess launch(String module, Map<String, String> properties, Map<String, String> env,
                                        Path workDir, int port) throws IOException {
        return launch(module, properties, env, workDir, LOOPBACK, port);
    }

    /** Starts the jar bound to {@code host} without waiting for it. */
    public static ServiceProcess launch(String module, Map<String, String> properties, Map<String, String> env,
                                        Path workDir, String host, int port) throws IOException {
        Path jar = REPO.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the service first (./mvnw package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + REPO.resolve(module).resolve("jvm.options"),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=" + host));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createTempFile(workDir, module, ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        return new ServiceProcess(module, builder.start(), log, host, port);
    }

    public String url() {
        return "http://" + host + ":" + port;
    }

    /** The address it listens on. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** What the service printed so far, for a failure message. */
    public String output() {
        try {
            return name + " log:\n" + Files.readString(log);
        } catch (IOException e) {
            return name + " log unreadable: " + e;
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails (and stops it) after 60 s or when it exits. */
    public void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException(name + " did not become ready\n" + output());
    }

    /** Waits for the process to end by itself; its exit code, or -1 when it still runs after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** {@code kill -9}: no chance to flush or close anything. Answers the exit code (137). */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
