package org.clusterlogs.suite;

import org.clusterlogs.testing.process.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code grep} on a merged stream: discovery passes it to every node, each log-service filters
 * its own lines, and only matching lines come back. Needs log-service's {@code grep}, built
 * beside the merged stream: run it once both are in the same tree.
 */
class MergedGrepAcrossServicesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path work;

    private static LocalCluster cluster;
    private static String token;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        cluster = LocalCluster.start(work, 2);
        token = cluster.adminToken();
        cluster.addTask(0, "api", "api.a0");
        cluster.addTask(1, "api", "api.a1");
        cluster.appendTo("api.a0", "stdout", "GET / 200\nGET /x ERROR timeout\nGET / 200\n");
        cluster.appendTo("api.a1", "stdout", "POST /y ERROR refused\nGET / 200\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get("/system/v1/logs/v2/tasks?q=api").statusCode() != 200 || !get("/system/v1/logs/v2/tasks?q=api").body()
                .contains("api/pi.a1|")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the index never listed both api tasks");
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void onlyMatchingLinesOfEveryNodeComeBack() throws Exception {
        HttpResponse<String> matching = get("/system/v1/logs/v2/tasks?q=api&grep="
                + URLEncoder.encode("ERROR \\w+", StandardCharsets.UTF_8));
        assertEquals(200, matching.statusCode(), matching.body());
        assertEquals("api/pi.a0| GET /x ERROR timeout\napi/pi.a1| POST /y ERROR refused\n", matching.body());
    }

    @Test
    void aBadRegularExpressionIsTheNodesBadParameter() throws Exception {
        HttpResponse<String> bad = get("/system/v1/logs/v2/tasks?q=api&grep=" + URLEncoder.encode("(unclosed",
                StandardCharsets.UTF_8));
        assertEquals(400, bad.statusCode(), bad.body());
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url() + pathAndQuery))
                .header("Authorization", "token=" + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
