package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.SseClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Component routes over HTTP on a real journal (E1…E7 made by systemd-journal-remote) and a
 * component log file: the positioning cases of docs/logging-api.md, formats, filters, follow.
 */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComponentRoutesTest {

    private static final String ROUTE = "/system/v1/logs/v2/component";
    private static JournalFixture journal;
    private static List<String> cursors;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void writeJournal() throws IOException {
        journal = JournalFixture.create(LogRoots.journal())
                .entry(Map.of("LABEL", "E1", "MESSAGE", "E1 message", "UNIT", "a.service", "PRIORITY", "6"))
                .entry(Map.of("LABEL", "E2", "MESSAGE", "E2 <b>&", "_SYSTEMD_UNIT", "a.service", "PRIORITY", "3"))
                .entry(Map.of("LABEL", "E3", "MESSAGE", "E3 message", "UNIT", "b.service", "PRIORITY", "6"))
                .entry(Map.of("LABEL", "E4", "MESSAGE", "E4 message", "_SYSTEMD_UNIT", "a.service", "PRIORITY", "6"))
                .entry(Map.of("LABEL", "E5", "MESSAGE", "E5 message", "UNIT", "a.service", "PRIORITY", "4"))
                .entry(Map.of("LABEL", "E6", "MESSAGE", "E6 message", "_SYSTEMD_UNIT", "d.service", "PRIORITY", "3"))
                .entry(Map.of("LABEL", "E7", "UNIT", "a.service", "PRIORITY", "3"))
                .write();
        cursors = journal.cursors();
        Files.writeString(LogRoots.components().resolve("agent.log"), "alpha\nbeta\ngamma\n");
    }

    private static String c(int n) {
        return cursors.get(n - 1);
    }

    /** The LABEL of each NDJSON entry, joined with spaces. */
    private static String labels(String path, String query) {
        Response r = given().accept("application/json").get(path + query.replace("{c4}", c(4)).replace("{c5}", c(5)));
        if (r.statusCode() == 204) {
            return "-";
        }
        assertEquals(200, r.statusCode(), r.asString());
        return String.join(" ", r.asString().lines().map(l -> JsonPath.from(l).getString("fields.LABEL")).toList());
    }

    @Order(1)
    @ParameterizedTest(name = "journal {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                      | E1 E2 E3 E4 E5 E6 E7",
        "?skip=1                 | E2 E3 E4 E5 E6 E7",
        "?skip=3&limit=2         | E4 E5",
        "?skip=-2                | E6 E7",
        "?skip=-100              | E1 E2 E3 E4 E5 E6 E7",
        "?cursor=BEG&limit=1     | E1",
        "?cursor=END             | -",
        "?cursor=END&skip=-3     | E5 E6 E7",
        "?cursor={c4}            | E5 E6 E7",
        "?cursor={c4}&skip=1     | E6 E7",
        "?cursor={c4}&skip=-2    | E3 E4 E5 E6 E7",
        "?cursor={c4}&skip=-2&limit=2 | E3 E4",
        "?skip=100               | -",
        "?filter=PRIORITY:3      | E2 E6 E7",
        "?filter=PRIORITY:3&filter=PRIORITY:4 | E2 E5 E6 E7",
        "?filter=PRIORITY:3&filter=UNIT:a.service | E7",
    })
    void journalPositioning(String query, String expected) {
        assertEquals(expected, labels(ROUTE, query));
    }

    @Order(1)
    @ParameterizedTest(name = "unit {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                      | E1 E2 E4 E5 E7",
        "?skip=-2                | E5 E7",
        "?cursor={c4}            | E5 E7",
        "?cursor={c4}&skip=-2    | E2 E4 E5 E7",
        "?cursor={c5}&skip=1     | -",
        "?filter=PRIORITY:6      | E1 E4",
        "?filter=priority:3      | E2 E7",
    })
    void unitMatchesUnitOrSystemdUnitAndFiltersNarrow(String query, String expected) {
        assertEquals(expected, labels(ROUTE + "/a.service", query));
    }

    @Order(1)
    @Test
    void textFormatIsTimestampAndMessageInUtc() {
        String body = given().get(ROUTE + "/a.service?limit=2").then().statusCode(200)
                .contentType("text/plain").extract().asString();
        assertEquals("2023-11-14 22:13:20: E1 message\n2023-11-14 22:13:21: E2 <b>&\n", body);
        // E7 has no MESSAGE: it prints nothing but is an entry (it still counts for skip)
        given().get(ROUTE + "/a.service?cursor=END&skip=-1").then().statusCode(200).body(equalTo(""));
    }

    @Order(1)
    @Test
    void jsonObjectKeysOrderAndEscapes() {
        String line = given().accept("application/json").get(ROUTE + "/a.service?skip=1&limit=1").then()
                .statusCode(200).extract().asString();
        assertTrue(line.startsWith("{\"fields\":{\"LABEL\":\"E2\",\"MESSAGE\":\"E2 \\u003cb\\u003e\\u0026\""), line);
        assertTrue(line.endsWith("\"cursor\":\"" + c(2) + "\",\"monotonic_timestamp\":"
                + JournalFixture.monotonicMicros(1) + ",\"realtime_timestamp\":" + JournalFixture.realtimeMicros(1)
                + "}\n"), line);
        assertTrue(!line.contains("__CURSOR"), line);
    }

    @Order(1)
    @Test
    void lastEventIdOverridesSkipAndLimit() {
        String body = given().accept("application/json").header("Last-Event-ID", c(4))
                .get(ROUTE + "/a.service?cursor=END&skip=-10&limit=1").then().statusCode(200).extract().asString();
        assertEquals(2, body.lines().count(), body);
    }

    @Order(1)
    @ParameterizedTest
    @CsvSource({
        "?cursor=nonsense,BadCursor",
        "?cursor=s=0;i=1,BadCursor",
        "?cursor=s=00000000000000000000000000000000;i=99;b=0123456789abcdef0123456789abcdef;m=1;t=1;x=1,BadCursor",
        "?skip=abc,BadParameter",
        "?filter=bad,BadParameter",
    })
    void badInputIs400(String query, String code) {
        given().get(ROUTE + query).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo(code));
    }

    @Order(1)
    @Test
    void unknownComponentIs404() {
        given().get(ROUTE + "/no-such.service").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("LogNotFound"));
    }

    @Order(1)
    @Test
    void componentLogFileBehindTheSameRoute() {
        given().get(ROUTE + "/agent?cursor=END&skip=-2").then().statusCode(200).body(equalTo("beta\ngamma\n"));
        String json = given().accept("application/json").get(ROUTE + "/agent?limit=1").then().extract().asString();
        assertEquals("{\"fields\":{\"COMPONENT\":\"agent\",\"FILE\":\"agent.log\",\"MESSAGE\":\"alpha\"},\"cursor\":\"5\"}\n",
                json);
    }

    @Order(2)
    @Test
    void followSeesNewEntriesWithCursorIds() throws Exception {
        String url = base.toString().replaceAll("/$", "") + ROUTE + "/a.service?cursor=END&skip=-1";
        try (SseClient sse = SseClient.open(url, null)) {
            SseClient.Block e7 = sse.events(1, Duration.ofSeconds(10)).get(0);
            assertEquals(c(7), e7.id());
            assertTrue(e7.id().matches("s=[a-f0-9]+;i=[a-f0-9]+;b=[a-f0-9]+;m=[a-f0-9]+;t=[a-f0-9]+;x=[a-f0-9]+"));
            journal.append(List.of(
                    Map.of("LABEL", "E8", "MESSAGE", "E8 message", "UNIT", "a.service"),
                    Map.of("LABEL", "E9", "MESSAGE", "E9 message", "UNIT", "other.service"),
                    Map.of("LABEL", "E10", "MESSAGE", "E10 message", "_SYSTEMD_UNIT", "a.service")));
            List<SseClient.Block> events = sse.events(2, Duration.ofSeconds(10));
            assertEquals(List.of("E8", "E10"),
                    events.stream().map(e -> JsonPath.from(e.data()).getString("fields.LABEL")).toList());
            assertTrue(sse.eventsWithin(Duration.ofMillis(1500)).isEmpty(), "nothing repeated");
        }
    }

    @Order(3)
    @Test
    void resumeWithLastEventIdAfterAppendsLosesAndRepeatsNothing() throws Exception {
        String url = base.toString().replaceAll("/$", "") + ROUTE + "/a.service?cursor=END&skip=-2";
        String lastId;
        try (SseClient sse = SseClient.open(url, null)) {
            lastId = sse.events(2, Duration.ofSeconds(10)).get(1).id();
        }
        journal.append(List.of(
                Map.of("LABEL", "E11", "MESSAGE", "E11 message", "UNIT", "a.service"),
                Map.of("LABEL", "E12", "MESSAGE", "E12 message", "UNIT", "a.service")));
        // the reconnect carries the original skip and a limit: Last-Event-ID overrides both
        try (SseClient sse = SseClient.open(url + "&limit=1", lastId)) {
            List<SseClient.Block> events = sse.events(2, Duration.ofSeconds(10));
            assertEquals(List.of("E11", "E12"),
                    events.stream().map(e -> JsonPath.from(e.data()).getString("fields.LABEL")).toList());
            assertTrue(sse.eventsWithin(Duration.ofMillis(1500)).isEmpty(), "nothing repeated");
        }
    }
}
