package org.clusterlogs.auth.store;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.clusterlogs.testing.process.Ports;
import org.clusterlogs.testing.process.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runnable artifact ({@code target/quarkus-app/quarkus-run.jar}) as its own process with its
 * shipped JVM options, in prod mode, on the embedded H2 database: writes acknowledged just before a {@code kill -9} are there
 * after a restart, and so are the signing keys (a token issued before the kill still verifies).
 * Without a key-encryption key the service refuses to start.
 */
class KillNineIT {

    private static final String API = "/acs/api/v1";

    @TempDir
    Path dir;

    private final List<ServiceProcess> started = new ArrayList<>();
    private final String kek = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));

    @AfterEach
    void stopAll() {
        started.forEach(ServiceProcess::close);
    }

    /** The packaged service in prod mode with its shipped JVM options, not yet ready. */
    private ServiceProcess launch(int port, boolean withKek) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("AUTH_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("AUTH_BOOTSTRAP_UID", "admin");
        env.put("AUTH_BOOTSTRAP_PASSWORD", "admin-password");
        env.put("AUTH_PASSWORD_BCRYPT_COST", "4");
        env.put("AUTH_KEY_ENCRYPTION_KEY", withKek ? kek : null);
        ServiceProcess service = ServiceProcess.launch("auth-service", Map.of(), env, dir, port);
        started.add(service);
        return service;
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
        int port = Ports.freeLoopbackPort();
        ServiceProcess first = launch(port, true);
        first.awaitReady();
        String admin = login(port, "admin", "admin-password");
        for (int i = 0; i < 5; i++) {
            at(port).header("Authorization", "token=" + admin).contentType("application/json")
                    .body(Map.of("description", "written before the kill", "password", "password-" + i))
                    .put(API + "/users/survivor-" + i).then().statusCode(201);
        }
        // the last write was acknowledged just now: kill without a chance to flush anything
        assertEquals(137, first.kill(), "killed by SIGKILL");

        ServiceProcess second = launch(port, true);
        second.awaitReady();
        for (int i = 0; i < 5; i++) {
            at(port).header("Authorization", "token=" + admin).get(API + "/users/survivor-" + i).then()
                    .statusCode(200).body("description", equalTo("written before the kill"));
        }
        login(port, "survivor-4", "password-4");
    }

    @Test
    void prodRefusesToStartWithoutAKeyEncryptionKey() throws Exception {
        ServiceProcess service = launch(Ports.freeLoopbackPort(), false);
        int exit = service.awaitExit(Duration.ofSeconds(60));
        assertTrue(exit > 0, "it should exit with an error, exited " + exit);
        assertTrue(service.output().contains("auth.key-encryption-key is required"), service.output());
    }
}
