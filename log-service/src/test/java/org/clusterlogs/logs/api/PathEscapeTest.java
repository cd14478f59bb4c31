package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attempts to read outside the configured roots, sent as raw request lines (no client-side
 * normalisation): every one is a 4xx with a JSON problem body, and the secret never leaks.
 */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class PathEscapeTest {

    private static final String SECRET = "TOP-SECRET-CONTENT";

    @TestHTTPResource("/")
    URL base;

    private Sandboxes sandbox;

    @BeforeEach
    void fixture() throws IOException {
        sandbox = Sandboxes.create();
        sandbox.write("stdout", "ok\n");
        Path secret = Files.writeString(LogRoots.outside().resolve("secret"), SECRET + "\n");
        Files.createDirectories(sandbox.dir().resolve("subdir"));
        Path link = sandbox.dir().resolve("escape");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, secret);
        Path dirLink = sandbox.dir().resolve("tasks");
        Files.deleteIfExists(dirLink);
        Files.createSymbolicLink(dirLink, LogRoots.outside());
        Files.writeString(LogRoots.components().getParent().resolve("sneaky.log"), SECRET + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{run}/..%2F..%2F..%2F..%2F..%2F..%2Foutside%2Fsecret",
        "{run}/%2E%2E%2F%2E%2E%2Fsecret",
        "{run}/..%2Fsecret/download",
        "{run}/escape",
        "{run}/escape/download",
        "{run}/subdir",
        "{run}/subdir/download",
        "{run}/tasks/x/files/browse",
        "{run}/tasks/secret",
        "{run}/%00",
        "{run}/a%0Ab",
        "/system/v1/logs/v2/task/frameworks/..%2F..%2F..%2Foutside/executors/e/runs/c/secret",
        "/system/v1/logs/v2/task/frameworks/%2E%2E/executors/%2E%2E/runs/%2E%2E/secret",
        "/system/v1/logs/v2/task/frameworks/../../../../outside/secret",
        "/system/v1/logs/v2/component/..%2Fsneaky",
        "/system/v1/logs/v2/component/%2E%2E",
        "/system/v1/logs/v2/pods/..%2F..%2Foutside/x/secret",
        "/system/v1/logs/v2/pods/%2E%2E/%2E%2E/secret",
    })
    void refusedWithProblemJson(String path) throws IOException {
        String run = sandbox.route("").replaceAll("/$", "");
        String response = rawGet(path.replace("{run}", run));
        int status = Integer.parseInt(response.substring(9, 12));
        assertTrue(status >= 400 && status < 500, response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        assertFalse(response.contains(SECRET), response);
    }

    /** Sends the path exactly as written: HTTP clients would normalise dot segments first. */
    private String rawGet(String path) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
