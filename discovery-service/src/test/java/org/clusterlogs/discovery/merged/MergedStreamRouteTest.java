package org.clusterlogs.discovery.merged;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.discovery.testsupport.Eventually;
import org.clusterlogs.discovery.testsupport.FakeNodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged stream's HTTP contract against {@link FakeNodes}: entries that carry time interleave
 * by it, a source the node forbids is left out of a range and reported in a follow, a node that
 * cannot be reached is a 502 for a range and {@code lost} in a follow, a parameter the node refuses
 * is the answer, and a follow resumed with its own id continues after every source's last entry.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeNodes.class, restrictToAnnotatedClass = true)
class MergedStreamRouteTest {

    private static final String TASKS = "/system/v1/logs/v2/tasks";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void indexLoaded() {
        Eventually.within(Duration.ofSeconds(10), () -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void aRangeInterleavesByTimeAndLabelsEveryLine() {
        given().queryParam("q", "timed").get(TASKS).then().statusCode(200)
                .body(equalTo("timed/med.a| a10\ntimed/med.b| b20\ntimed/med.a| a30\ntimed/med.b| b40\n"));
        given().queryParam("q", "timed").queryParam("limit", 2).get(TASKS).then().statusCode(200)
                .body(equalTo("timed/med.a| a30\ntimed/med.b| b40\n"));
        given().queryParam("q", "timed").accept("application/json").get(TASKS).then().statusCode(200)
                .body(equalTo("""
                        {"fields":{"AGENT_ID":"agent-1","FILE":"stdout","MESSAGE":"a10","TASK_ID":"timed.a","TASK_NAME":"timed"},"cursor":"1","realtime_timestamp":10}
                        {"fields":{"AGENT_ID":"agent-1","FILE":"stdout","MESSAGE":"b20","TASK_ID":"timed.b","TASK_NAME":"timed"},"cursor":"1","realtime_timestamp":20}
                        {"fields":{"AGENT_ID":"agent-1","FILE":"stdout","MESSAGE":"a30","TASK_ID":"timed.a","TASK_NAME":"timed"},"cursor":"2","realtime_timestamp":30}
                        {"fields":{"AGENT_ID":"agent-1","FILE":"stdout","MESSAGE":"b40","TASK_ID":"timed.b","TASK_NAME":"timed"},"cursor":"2","realtime_timestamp":40}
                        """));
    }

    @Test
    void aForbiddenSourceIsLeftOutOfARangeAndReportedInAFollow() throws Exception {
        given().queryParam("q", "e").get(TASKS).then().statusCode(200)
                .body(equalTo("timed/med.a| a10\ntimed/med.b| b20\ntimed/med.a| a30\ntimed/med.b| b40\n"));
        given().queryParam("q", "secret").get(TASKS).then().statusCode(403);
        List<String> events = follow("?q=e", null, 8);
        assertTrue(events.contains("source secret.s forbidden"), events.toString());
        assertEquals(4, events.stream().filter(e -> e.startsWith("data ")).count(), events.toString());
    }

    @Test
    void anUnreachableNodeIsA502ForARangeAndLostInAFollow() throws Exception {
        given().queryParam("q", "down").get(TASKS).then().statusCode(502).body("code", equalTo("UpstreamUnreachable"));
        assertEquals(List.of("source down.d added", "source down.d lost"), follow("?q=down", null, 2));
    }

    @Test
    void aFollowResumedWithItsIdContinuesAfterEverySourcesLastEntry() throws Exception {
        List<String> first = follow("?q=timed", null, 6);
        assertEquals(List.of("source timed.a added", "source timed.b added"), first.subList(0, 2));
        List<String> data = first.stream().filter(e -> e.startsWith("data ")).toList();
        // resume after the second entry, whichever sources the first two came from (arrival order)
        String id = data.get(1).substring(data.get(1).indexOf(" id=") + 4);
        assertTrue(id.startsWith("m1."), id);
        List<String> delivered = List.of(message(data.get(0)), message(data.get(1)));
        List<String> rest = new ArrayList<>(List.of("a10", "a30", "b20", "b40"));
        rest.removeAll(delivered);
        List<String> resumed = follow("?q=timed", id, 2 + rest.size());
        assertEquals(rest, resumed.stream().filter(e -> e.startsWith("data ")).map(MergedStreamRouteTest::message)
                .sorted().toList(), resumed.toString());
    }

    /** Each node ends its follow at until; then the merged follow ends too, after every entry and an ended per source. */
    @Test
    @Timeout(30)
    void aFollowWithUntilEndsOnceItHasPassedAndEverySourceHasEnded() throws Exception {
        String until = Instant.now().plusSeconds(2).toString();
        List<String> events = follow("?q=timed&since=1d&until=" + until, null, Integer.MAX_VALUE);
        assertEquals(List.of("a10", "a30", "b20", "b40"), events.stream().filter(e -> e.startsWith("data "))
                .map(MergedStreamRouteTest::message).sorted().toList(), events.toString());
        assertEquals(List.of("source timed.a added", "source timed.a ended", "source timed.b added", "source timed.b ended"),
                events.stream().filter(e -> e.startsWith("source ")).sorted().toList(), "no lost, no retry: " + events);
        assertTrue(events.get(events.size() - 1).endsWith("ended"), "the stream ends after its sources: " + events);
        given().queryParam("q", "timed").queryParam("since", "yesterday").get(TASKS).then().statusCode(400)
                .body("code", equalTo("BadParameter"));
        given().queryParam("q", "timed").queryParam("since", "1m").queryParam("until", "2m").get(TASKS).then()
                .statusCode(400).body("detail", equalTo("since (1m) is after until (2m)"));
    }

    @Test
    void whatTheNodesRefuseAndWhatIsMalformedIsA4xx() {
        given().queryParam("q", "timed").queryParam("grep", "(").get(TASKS).then().statusCode(400)
                .body("code", equalTo("BadParameter"));
        given().queryParam("q", ".").get(TASKS).then().statusCode(400).body("code", equalTo("TooManySources"));
        given().queryParam("q", "timed").queryParam("cursor", "m1.AAAA").get(TASKS).then().statusCode(400)
                .body("code", equalTo("BadCursor"));
        given().queryParam("q", "tier in (a").get(TASKS).then().statusCode(400).body("code", equalTo("BadParameter"));
        given().queryParam("q", "nothing-like-it").get(TASKS).then().statusCode(404).body("code", equalTo("TaskNotFound"));
        given().queryParam("q", "timed").post(TASKS).then().statusCode(405).header("Allow", "GET");
    }

    /**
     * The first {@code count} events of a follow, as {@code source <task> <state>} or
     * {@code data <message> id=<id>}; then the client leaves.
     */
    private List<String> follow(String query, String lastEventId, int count) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + TASKS + query))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, answer.statusCode());
        List<String> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            String line;
            while (events.size() < count && (line = lines.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    String data = line.substring(6);
                    if ("source".equals(name)) {
                        events.add("source " + field(data, "task_id") + " " + field(data, "state"));
                    } else {
                        events.add("data " + field(data, "MESSAGE") + " id=" + id);
                    }
                } else if (line.isEmpty()) {
                    name = null;
                    id = null;
                }
            }
        }
        return events;
    }

    private static String message(String dataEvent) {
        return dataEvent.split(" ")[1];
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }
}
