package org.clusterlogs.suite;

import java.io.IOException;
import java.net.ServerSocket;
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

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as its own
 * process on a free loopback port, with the JVM options it ships with; its output goes to a file
 * that a failing test prints.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code module}'s jar with {@code properties} as system properties and {@code env} added
     * to the environment, and waits until it is ready.
     */
    static ServiceProcess start(String module, Map<String, String> properties, Map<String, String> env, Path workDir)
            throws IOException, InterruptedException {
        Path jar = REPO.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the service first (./mvnw package)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + REPO.resolve(module).resolve("jvm.options"),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createTempFile(workDir, module, ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(module, builder.start(), log, port);
        service.awaitReady();
        return service;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What the service printed so far, for a failure message. */
    String output() {
        try {
            return name + " log:\n" + Files.readString(log);
        } catch (IOException e) {
            return name + " log unreadable: " + e;
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
