package org.clusterlogs.auth.store;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runnable artifact ({@code target/quarkus-app/quarkus-run.jar}) as its own process, in prod
 * mode, on the embedded H2 database: writes acknowledged just before a {@code kill -9} are there
 * after a restart, and so are the signing keys (a token issued before the kill still verifies).
 * Without a key-encryption key the service refuses to start.
 */
class KillNineIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String API = "/acs/api/v1";

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private final String kek = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(int port, boolean withKek) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "package first: " + JAR.toAbsolutePath());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("service-" + started.size() + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("AUTH_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("AUTH_BOOTSTRAP_UID", "admin");
        env.put("AUTH_BOOTSTRAP_PASSWORD", "admin-password");
        env.put("AUTH_PASSWORD_BCRYPT_COST", "4");
        if (withKek) {
            env.put("AUTH_KEY_ENCRYPTION_KEY", kek);
        } else {
            env.remove("AUTH_KEY_ENCRYPTION_KEY");
        }
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static void awaitReady(int port, Process p) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "the service exited during start-up");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 60 s");
    }

    private static RequestSpecification at(int port) {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port);
    }

    private static String login(int port, String uid, String password) {
        return at(port).contentType("application/json").body(Map.of("uid", uid, "password", password))
                .post(API + "/auth/login").then().statusCode(200).extract().path("token");
    }

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        int port = freePort();
        Process first = start(port, true);
        awaitReady(port, first);
        String admin = login(port, "admin", "admin-password");
        for (int i = 0; i < 5; i++) {
            at(port).header("Authorization", "token=" + admin).contentType("application/json")
                    .body(Map.of("description", "written before the kill", "password", "password-" + i))
                    .put(API + "/users/survivor-" + i).then().statusCode(201);
        }
        // the last write was acknowledged just now: kill without a chance to flush anything
        first.destroyForcibly();
        assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue(), "killed by SIGKILL");

        Process second = start(port, true);
        awaitReady(port, second);
        for (int i = 0; i < 5; i++) {
            at(port).header("Authorization", "token=" + admin).get(API + "/users/survivor-" + i).then()
                    .statusCode(200).body("description", equalTo("written before the kill"));
        }
        login(port, "survivor-4", "password-4");
    }

    @Test
    void prodRefusesToStartWithoutAKeyEncryptionKey() throws Exception {
        Process p = start(freePort(), false);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "it should exit");
        assertFalse(p.exitValue() == 0);
        String log = Files.readString(dir.resolve("service-0.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("auth.key-encryption-key is required"), log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
