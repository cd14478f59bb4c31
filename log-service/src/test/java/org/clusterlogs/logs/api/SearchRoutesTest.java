package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.clusterlogs.logs.testsupport.SseClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grep}, {@code since} and {@code until} over HTTP on task files, component files and pod
 * logs (the journal's are in JournalSearchTest, on a journal of its own): matching lines only,
 * positioning within the matching set, the bounds to the entry, the 400s, and followers.
 */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class SearchRoutesTest {

    private static final String LINES = "ok 1\nERROR one\nok 2\nERROR two\nok 3\nERROR three\nok 4\n";

    @TestHTTPResource("/")
    URL base;

    private Sandboxes sandbox;
    private String pod;
    private Path podDir;

    @BeforeEach
    void fixture() throws IOException {
        sandbox = Sandboxes.create();
        sandbox.write("stdout", LINES);
        pod = "web-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(LogRoots.components().resolve("searched.log"), "alpha\nbeta ERROR\ngamma\n");
        podDir = Files.createDirectories(LogRoots.pods().resolve("default_" + pod + "_" + UUID.randomUUID()).resolve("app"));
        Files.writeString(podDir.resolve("0.log.20261121-110000"), cri(1, "stdout", "F", "r1") + cri(2, "stderr", "F", "ERROR r2")
                + cri(3, "stdout", "P", "jo") + cri(4, "stdout", "F", "ined"));
        Files.writeString(podDir.resolve("0.log"), cri(5, "stdout", "F", "live ERROR") + cri(6, "stderr", "F", "live2"));
    }

    private static String cri(int second, String stream, String tag, String text) {
        return String.format("2026-11-21T12:00:%02d.123456789Z %s %s %s%n", second, stream, tag, text);
    }

    /** A GET of a path and query already percent-encoded (RestAssured would encode the '%' again). */
    private static io.restassured.response.Response get(String pathAndQuery) {
        return given().urlEncodingEnabled(false).get(pathAndQuery);
    }

    private String task() {
        return sandbox.route("stdout");
    }

    private String podRoute() {
        return "/system/v1/logs/v2/pods/default/" + pod + "/app";
    }

    private String url(String route) {
        return base.toString().replaceAll("/$", "") + route;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "?grep=ERROR                          | ERROR one\\nERROR two\\nERROR three\\n",
        "?grep=ERROR&cursor=END&skip=-2       | ERROR two\\nERROR three\\n",
        "?grep=ERROR&skip=-1                  | ERROR three\\n",
        "?grep=ERROR&skip=1&limit=1           | ERROR two\\n",
        "?grep=ERROR&limit=2                  | ERROR one\\nERROR two\\n",
        "?grep=%5Eok%20%5B13%5D%24            | ok 1\\nok 3\\n",
        "?grep=ERROR%20t&cursor=15            | ERROR two\\nERROR three\\n",
        "?grep=ERROR&cursor=29&skip=-1        | ERROR two\\nERROR three\\n",
    })
    void grepOnATaskFilePositionsWithinTheMatches(String query, String expected) {
        get(task() + query).then().statusCode(200).body(equalTo(expected.replace("\\n", "\n")));
    }

    @Test
    void grepWithoutMatchesIsNoContentAndJsonCarriesTheLine() {
        get(task() + "?grep=nothing-like-this").then().statusCode(204);
        String line = given().accept("application/json").get(task() + "?grep=two").then().statusCode(200)
                .extract().asString();
        assertEquals("ERROR two", JsonPath.from(line).getString("fields.MESSAGE"));
        assertEquals("29", JsonPath.from(line).getString("cursor"));
    }

    @Test
    void grepOnAComponentFile() {
        get("/system/v1/logs/v2/component/searched?grep=ERROR").then().statusCode(200)
                .body(equalTo("beta ERROR\n"));
    }

    /**
     * A file of many buffers: the literal is looked for in raw read buffers, so lines around
     * buffer edges, lines longer than the cap (split) and a last line without a newline must
     * come out exactly as a line-by-line search finds them.
     */
    @Test
    void grepOverManyBuffersMatchesALineByLineSearch() throws IOException {
        Random random = new Random(7);
        StringBuilder file = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            String line = "line " + i + " " + "x".repeat(random.nextInt(300)) + (i % 97 == 0 ? " needle" : "");
            file.append(line).append('\n');
            if (line.contains("needle")) {
                expected.append(line).append('\n');
            }
        }
        int cap = 1024 * 1024;
        String longLine = "y".repeat(cap + 10) + "needle" + "z".repeat(cap);
        file.append(longLine).append('\n');
        expected.append(longLine, cap, 2 * cap).append("\\\n"); // only the middle piece holds the literal
        file.append("last needle");
        expected.append("last needle\n");
        sandbox.write("big", file.toString());
        String got = get(sandbox.route("big") + "?grep=needle").then().statusCode(200).extract().asString();
        assertEquals(expected.toString(), got);
        List<String> lines = expected.toString().lines().toList();
        for (int n : new int[]{1, 2, 3, 50, 500}) {
            String last = get(sandbox.route("big") + "?grep=needle&cursor=END&skip=-" + n).then().statusCode(200)
                    .extract().asString();
            assertEquals(String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size())) + "\n", last,
                    "the last " + n + " matches");
        }
        String regex = get(sandbox.route("big") + "?grep=9%20x%2B%20needle%24").then().statusCode(200)
                .extract().asString();
        assertEquals(expected.toString().lines().filter(l -> l.matches(".*9 x+ needle$")).map(l -> l + "\n")
                .reduce("", String::concat), regex);
    }

    @Test
    void followerGetsOnlyMatchingAppendedLines() throws Exception {
        Path stdout = sandbox.dir().resolve("stdout");
        try (SseClient sse = SseClient.open(url(task() + "?cursor=END&grep=ERROR"), null)) {
            Files.writeString(stdout, "ok 5\nERROR four\nok 6\nERROR five\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            List<String> got = sse.events(2, Duration.ofSeconds(10)).stream()
                    .map(e -> JsonPath.from(e.data()).getString("fields.MESSAGE")).toList();
            assertEquals(List.of("ERROR four", "ERROR five"), got);
            assertTrue(sse.eventsWithin(Duration.ofMillis(700)).isEmpty(), "no other line");
        }
    }

    @ParameterizedTest
    @CsvSource({"since=10m", "until=2026-11-30T10:00:00Z"})
    void timeBoundsOnPlainFilesAre400(String query) {
        get(task() + "?" + query).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("BadParameter")).body("detail", containsString("carry no time"));
        get("/system/v1/logs/v2/component/searched?" + query).then().statusCode(400)
                .body("detail", containsString("carry no time"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "grep=a(b                                           | missing closing )",
        "since=yesterday                                    | since must be an RFC 3339 time",
        "until=2026-11-30T10:00:00                          | until must be an RFC 3339 time",
        "since=2026-11-30T10:00:00Z&until=2026-11-30T09:00:00Z | is after until",
    })
    void malformedSearchIs400OnEverySource(String query, String detail) {
        for (String route : List.of(task(), podRoute(), "/system/v1/logs/v2/component")) {
            get(route + "?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("BadParameter")).body("detail", containsString(detail));
        }
    }

    @Test
    @Timeout(30)
    void pathologicalPatternAnswers() {
        sandbox.write("as", "a".repeat(1024 * 1024 - 1) + "!\n" + "aaa\n");
        get(sandbox.route("as") + "?grep=(a%2B)%2B%24").then().statusCode(200).body(equalTo("aaa\n"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "since=2026-11-21T12:00:02.123456789Z&until=2026-11-21T12:00:05.123456789Z | ERROR r2\\njoined\\n",
        "since=2026-11-21T12:00:02.12345679Z&until=2026-11-21T12:00:05.12345679Z  | joined\\nlive ERROR\\n",
        "since=2026-11-21T13:00:02.123456789%2B01:00                               | ERROR r2\\njoined\\nlive ERROR\\nlive2\\n",
        "until=2026-11-21T12:00:02.123456789Z                                      | r1\\n",
        "since=2026-11-21T12:00:02Z&cursor=END&skip=-2                             | live ERROR\\nlive2\\n",
        "since=2026-11-21T12:00:02Z&skip=-100&limit=1                              | ERROR r2\\n",
        "grep=ERROR                                                                | ERROR r2\\nlive ERROR\\n",
        "grep=ERROR&cursor=END&skip=-1                                             | live ERROR\\n",
        "grep=%5Ej&since=2026-11-21T12:00:03Z                                      | joined\\n",
    })
    void podLogsBoundedToTheEntryAndSearched(String query, String expected) {
        get(podRoute() + "?" + query).then().statusCode(200).body(equalTo(expected.replace("\\n", "\n")));
    }

    @Test
    void podFollowerGetsOnlyMatchingLinesAndEndsWhenUntilPasses() throws Exception {
        String until = Instant.now().plusSeconds(3).toString();
        try (SseClient sse = SseClient.open(url(podRoute() + "?cursor=END&grep=ERROR&until=" + until), null)) {
            String now = Instant.now().toString();
            Files.writeString(podDir.resolve("0.log"), now + " stdout F ok\n" + now + " stdout F new ERROR\n",
                    StandardOpenOption.APPEND);
            assertEquals("new ERROR", JsonPath.from(sse.events(1, Duration.ofSeconds(10)).get(0).data())
                    .getString("fields.MESSAGE"));
            assertTrue(sse.endsWithin(Duration.ofSeconds(15)), "the stream ends once until has passed");
        }
    }
}
