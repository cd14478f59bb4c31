package org.clusterlogs.logs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Mesos agent files API over HTTP: byte-exact paging, Mesos' offset rules, browse, download, refusals. */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class MesosFilesApiTest {

    private static final String WORK = "/var/lib/mesos/slave";
    private static final String SECRET = "TOP-SECRET-CONTENT";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    private Sandboxes sandbox;
    /** The sandbox as Mesos users write it: the agent's path under the work dir. */
    private String agentPath;

    @BeforeEach
    void fixture() {
        sandbox = Sandboxes.create();
        agentPath = WORK + "/slaves/" + LogRoots.AGENT_ID + "/frameworks/" + sandbox.framework() + "/executors/"
                + sandbox.executor() + "/runs/" + sandbox.container();
    }

    private Path writeBytes(String file, byte[] bytes) throws IOException {
        return Files.write(sandbox.dir().resolve(file), bytes);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode read(String path, String query) throws IOException {
        Response r = given().urlEncodingEnabled(false).get("/files/read?path=" + q(path) + query);
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        return JSON.readTree(r.asByteArray());
    }

    /** A file mixing ASCII, UTF-8 text, a UTF-8 sequence cut at every length, invalid bytes and NULs. */
    private static byte[] awkwardBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("plain line\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("grüße, 日本語, \"quoted\" \\ back\ttab\r\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[]{(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, (byte) 0xe6, (byte) 0x97, 0, 0x7f, 0x1b});
        byte[] random = new byte[3000];
        new Random(42).nextBytes(random);
        out.writeBytes(random);
        for (int b = 0; b < 256; b++) {
            out.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void pagingWithOffsetPlusLengthOfDataReassemblesTheFileByteForByte() throws IOException {
        byte[] file = awkwardBytes();
        writeBytes("stdout", file);
        for (int pageLength : new int[]{1, 7, 1000}) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            long offset = 0;
            while (true) {
                JsonNode page = read(agentPath + "/stdout", "&offset=" + offset + "&length=" + pageLength);
                assertEquals(offset, page.get("offset").asLong());
                String data = page.get("data").asText();
                if (data.isEmpty()) {
                    break;
                }
                assertTrue(data.length() <= pageLength);
                got.writeBytes(data.getBytes(StandardCharsets.ISO_8859_1));
                offset += data.length();
            }
            assertEquals(file.length, offset);
            assertArrayEquals(file, got.toByteArray(), "page length " + pageLength);
        }
    }

    @Test
    void theWholeFileInOneReadWithoutALength() throws IOException {
        byte[] file = awkwardBytes();
        writeBytes("stdout", file);
        JsonNode all = read(agentPath + "/stdout", "&offset=0");
        assertArrayEquals(file, all.get("data").asText().getBytes(StandardCharsets.ISO_8859_1));
        JsonNode minusOne = read(agentPath + "/stdout", "&offset=0&length=-1");
        assertEquals(all, minusOne);
    }

    @Test
    void noOffsetOrMinusOneAnswersTheSize() throws IOException {
        sandbox.write("stdout", "12345\n");
        for (String query : new String[]{"", "&offset=-1", "&offset=-1&length=3", "&length=3"}) {
            JsonNode answer = read(agentPath + "/stdout", query);
            assertEquals(6, answer.get("offset").asLong(), query);
            assertEquals("", answer.get("data").asText(), query);
        }
    }

    @Test
    void readingAtOrPastTheEndGivesEmptyDataAtThatOffset() throws IOException {
        sandbox.write("stdout", "12345\n");
        for (long offset : new long[]{6, 7, 1_000_000, Long.MAX_VALUE}) {
            JsonNode answer = read(agentPath + "/stdout", "&offset=" + offset + "&length=10");
            assertEquals(offset, answer.get("offset").asLong());
            assertEquals("", answer.get("data").asText());
        }
        JsonNode tail = read(agentPath + "/stdout", "&offset=4&length=10");
        assertEquals("5\n", tail.get("data").asText());
    }

    @Test
    void theLengthIsCappedAtOneMebibyte() throws IOException {
        byte[] file = new byte[1024 * 1024 + 100];
        new Random(7).nextBytes(file);
        writeBytes("big", file);
        JsonNode first = read(agentPath + "/big", "&offset=0&length=5000000");
        String data = first.get("data").asText();
        assertEquals(1024 * 1024, data.length());
        JsonNode rest = read(agentPath + "/big", "&offset=" + data.length());
        assertEquals(100, rest.get("data").asText().length());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        got.writeBytes(data.getBytes(StandardCharsets.ISO_8859_1));
        got.writeBytes(rest.get("data").asText().getBytes(StandardCharsets.ISO_8859_1));
        assertArrayEquals(file, got.toByteArray());
    }

    @Test
    void theVirtualFrameworksPathReadsTheSameFile() throws IOException {
        sandbox.write("stderr", "from stderr\n");
        String virtual = agentPath.substring((WORK + "/slaves/" + LogRoots.AGENT_ID).length()) + "/stderr";
        assertEquals("from stderr\n", read(virtual, "&offset=0").get("data").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"&offset=abc", "&offset=-2", "&offset=99999999999999999999", "&offset=1.5",
        "&offset=", "&length=-2", "&offset=0&length=abc", "&offset=0&length=1e3",
        "&offset=0&length=99999999999999999999", "&offset=0&offset=1"})
    void badOffsetsAndLengthsAre400(String query) {
        sandbox.write("stdout", "x\n");
        given().urlEncodingEnabled(false).get("/files/read?path=" + q(agentPath + "/stdout") + query)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("BadParameter"));
    }

    @Test
    void aMissingPathIs400() {
        given().get("/files/read?offset=0").then().statusCode(400).contentType("application/problem+json");
        given().get("/files/browse").then().statusCode(400).contentType("application/problem+json");
        given().get("/files/download").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingFilesAndOtherAgentsAre404() {
        for (String route : new String[]{"read", "browse", "download"}) {
            given().urlEncodingEnabled(false).get("/files/" + route + "?path=" + q(agentPath + "/nothing"))
                    .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("LogNotFound"));
            String otherAgent = agentPath.replace(LogRoots.AGENT_ID, "another-agent");
            sandbox.write("stdout", "x\n");
            given().urlEncodingEnabled(false).get("/files/" + route + "?path=" + q(otherAgent + "/stdout"))
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void readingADirectoryIs400() {
        given().urlEncodingEnabled(false).get("/files/read?path=" + q(agentPath) + "&offset=0")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("BadPath"));
    }

    @Test
    void browseListsTheSandboxWithMesosKeysAndTheRequestedPath() throws IOException {
        sandbox.write("stdout", "12345\n");
        Files.createDirectories(sandbox.dir().resolve("sub"));
        Response r = given().urlEncodingEnabled(false).get("/files/browse?path=" + q(agentPath + "/"));
        assertEquals(200, r.statusCode(), r.asString());
        JsonNode entries = JSON.readTree(r.asByteArray());
        assertEquals(2, entries.size(), r.asString());
        JsonNode stdout = entries.get(0);
        assertEquals(agentPath + "/stdout", stdout.get("path").asText());
        assertEquals(6, stdout.get("size").asLong());
        assertTrue(stdout.get("mode").asText().matches("-[rwx-]{9}"), stdout.toString());
        assertEquals(1, stdout.get("nlink").asLong());
        assertFalse(stdout.get("uid").asText().isEmpty());
        assertFalse(stdout.get("gid").asText().isEmpty());
        assertTrue(Math.abs(stdout.get("mtime").asLong() - System.currentTimeMillis() / 1000) < 300);
        assertEquals(agentPath + "/sub", entries.get(1).get("path").asText());
        assertTrue(entries.get(1).get("mode").asText().startsWith("d"));
    }

    @Test
    void browseOfAFileIs400() {
        sandbox.write("stdout", "x\n");
        given().urlEncodingEnabled(false).get("/files/browse?path=" + q(agentPath + "/stdout"))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void downloadSendsTheBytesAsAnAttachment() throws IOException {
        byte[] file = awkwardBytes();
        writeBytes("stdout", file);
        Response r = given().urlEncodingEnabled(false).get("/files/download?path=" + q(agentPath + "/stdout"));
        assertEquals(200, r.statusCode());
        assertEquals("application/octet-stream", r.contentType());
        assertEquals("attachment; filename=\"stdout\"", r.header("Content-Disposition"));
        assertArrayEquals(file, r.asByteArray());
    }

    /** The call of the pre-1.11 DC/OS example script, as curl sends it (slashes unencoded in the query). */
    @Test
    void theLegacyScriptsReadAnswersAsMesosDid() throws IOException {
        sandbox.write("stdout", "started nginx\n");
        String query = "path=/var/lib/mesos/slave/slaves/" + LogRoots.AGENT_ID + "/frameworks/" + sandbox.framework()
                + "/executors/" + sandbox.executor() + "/runs/" + sandbox.container() + "/stdout&offset=0&length=50000";
        Response r = given().urlEncodingEnabled(false).get("/files/read?" + query);
        assertEquals(200, r.statusCode(), r.asString());
        JsonNode answer = JSON.readTree(r.asByteArray());
        assertEquals("started nginx\n", answer.get("data").asText());
        assertEquals(0, answer.get("offset").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{run}/..%2F..%2F..%2F..%2F..%2F..%2F..%2Foutside%2Fsecret",
        "{run}/../../../../../../../outside/secret",
        "{work}/../../../../etc/passwd",
        "{run}/%2E%2E/c1/stdout",
        "{run}/./stdout",
        "/etc/passwd",
        "{outside}/secret",
        "{run}/passwd-link",
        "{run}/escape",
        "{run}/escape-dir/secret",
        "{run}/std%00out",
        "{run}/a%0Ab",
        "{run}/a%5C..%5Cb",
        "frameworks/x/executors/y/runs/z/stdout",
    })
    void escapesAreRefusedWithProblemJson(String path) throws IOException {
        sandbox.write("stdout", "ok\n");
        Path secret = Files.writeString(LogRoots.outside().resolve("secret"), SECRET + "\n");
        Files.createSymbolicLink(sandbox.dir().resolve("passwd-link"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(sandbox.dir().resolve("escape"), secret);
        Files.createSymbolicLink(sandbox.dir().resolve("escape-dir"), LogRoots.outside());
        String raw = path.replace("{run}", agentPath).replace("{work}", WORK)
                .replace("{outside}", LogRoots.outside().toString());
        for (String route : new String[]{"read", "download", "browse"}) {
            String response = rawGet("/files/" + route + "?path=" + raw + "&offset=0");
            int status = Integer.parseInt(response.substring(9, 12));
            assertTrue(status >= 400 && status < 500, route + " " + raw + ": " + response);
            assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
            assertFalse(response.contains(SECRET), response);
            assertFalse(response.contains("root:"), response);
        }
    }

    @Test
    void aLinkInsideTheSandboxIsFollowed() throws IOException {
        sandbox.write("stdout", "inside\n");
        Path runs = sandbox.dir().getParent();
        Files.createSymbolicLink(runs.resolve("latest"), runs.relativize(sandbox.dir()));
        String latest = agentPath.substring(0, agentPath.lastIndexOf('/')) + "/latest/stdout";
        assertEquals("inside\n", read(latest, "&offset=0").get("data").asText());
    }

    /** Sends the request line as written: HTTP clients would normalise or encode it first. */
    private String rawGet(String pathAndQuery) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
