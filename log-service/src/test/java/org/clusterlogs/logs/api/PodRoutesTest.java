package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.SseClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pod container logs over HTTP: CRI partial records, rotated and gzip files, STREAM filter, follow. */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class PodRoutesTest {

    @TestHTTPResource("/")
    URL base;

    private String pod;
    private Path dir;
    private int second;

    @BeforeEach
    void podDirectory() throws IOException {
        pod = "web-" + UUID.randomUUID().toString().substring(0, 8);
        dir = Files.createDirectories(LogRoots.pods().resolve("default_" + pod + "_" + UUID.randomUUID()).resolve("app"));
        gzip(dir.resolve("0.log.20261121-100000.gz"), cri("stdout", "F", "r1") + cri("stderr", "F", "r2"));
        Files.writeString(dir.resolve("0.log.20261121-110000"), cri("stdout", "P", "jo") + cri("stdout", "P", "in")
                + cri("stderr", "F", "e1") + cri("stdout", "F", "ed"));
        Files.writeString(dir.resolve("0.log"), cri("stdout", "F", "live1") + cri("stderr", "F", "live2"));
    }

    private String cri(String stream, String tag, String text) {
        second++;
        return String.format("2026-11-21T12:%02d:%02d.123456789Z %s %s %s%n", second / 60, second % 60, stream, tag, text);
    }

    private static void gzip(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String route() {
        return "/system/v1/logs/v2/pods/default/" + pod + "/app";
    }

    @Test
    void wholeRangeInOrderWithPartialsJoined() {
        given().get(route()).then().statusCode(200).body(equalTo("r1\nr2\ne1\njoined\nlive1\nlive2\n"));
    }

    @Test
    void lastNAcrossFiles() {
        given().get(route() + "?cursor=END&skip=-3").then().statusCode(200).body(equalTo("joined\nlive1\nlive2\n"));
        given().get(route() + "?skip=-100").then().statusCode(200).body(equalTo("r1\nr2\ne1\njoined\nlive1\nlive2\n"));
        given().get(route() + "?skip=2&limit=2").then().statusCode(200).body(equalTo("e1\njoined\n"));
    }

    @Test
    void streamIsAFieldAndAFilter() {
        given().get(route() + "?filter=STREAM:stderr").then().statusCode(200).body(equalTo("r2\ne1\nlive2\n"));
        String line = given().accept("application/json").get(route() + "?cursor=END&skip=-1").then()
                .statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(line);
        assertEquals("stderr", json.getString("fields.STREAM"));
        assertEquals("default", json.getString("fields.NAMESPACE"));
        assertEquals(pod, json.getString("fields.POD"));
        assertEquals("app", json.getString("fields.CONTAINER"));
        assertEquals("live2", json.getString("fields.MESSAGE"));
        assertTrue(json.getLong("realtime_timestamp") > 1_763_000_000_000_000L);
    }

    @Test
    void cursorResumesExactly() {
        List<String> cursors = given().accept("application/json").get(route()).then().extract().asString().lines()
                .map(l -> JsonPath.from(l).getString("cursor")).toList();
        assertEquals(6, cursors.size());
        given().get(route() + "?cursor=" + cursors.get(2)).then().body(equalTo("joined\nlive1\nlive2\n"));
        given().get(route() + "?cursor=" + cursors.get(3) + "&skip=-2").then().body(equalTo("e1\njoined\nlive1\nlive2\n"));
    }

    @Test
    void unknownPodOrContainerIs404AndBadCursor400() {
        given().get("/system/v1/logs/v2/pods/default/nope/app").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/system/v1/logs/v2/pods/default/" + pod + "/nope").then().statusCode(404);
        given().get(route() + "?cursor=garbage").then().statusCode(400).body("code", equalTo("BadCursor"));
    }

    @Test
    void followAcrossKubeletRotation() throws Exception {
        String url = base.toString().replaceAll("/$", "") + route() + "?cursor=END";
        List<String> got = new ArrayList<>();
        try (SseClient sse = SseClient.open(url, null)) {
            Files.writeString(dir.resolve("0.log"), cri("stdout", "F", "a1") + cri("stdout", "P", "a2-"),
                    StandardOpenOption.APPEND);
            // kubelet: rename the live file, create a new one; the partial record completes there
            Files.move(dir.resolve("0.log"), dir.resolve("0.log.20261121-120000"));
            Files.writeString(dir.resolve("0.log"), cri("stdout", "F", "end") + cri("stderr", "F", "b1"));
            sse.events(3, Duration.ofSeconds(10)).forEach(e -> got.add(JsonPath.from(e.data()).getString("fields.MESSAGE")));
            assertEquals(List.of("a1", "a2-end", "b1"), got);
            assertTrue(sse.eventsWithin(Duration.ofMillis(700)).isEmpty(), "nothing repeated");
        }
    }
}
