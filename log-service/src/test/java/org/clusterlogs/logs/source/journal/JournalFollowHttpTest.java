package org.clusterlogs.logs.source.journal;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.clusterlogs.logs.testsupport.JournalFixture;
import org.clusterlogs.logs.testsupport.SseClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SSE followers of the journal over HTTP with the periodic re-check set to an hour: every new
 * entry reaches them through the shared tail's wake-up alone, and the tail's journalctl is
 * gone once they disconnect.
 */
@QuarkusTest
@TestProfile(JournalFollowHttpTest.NoRecheck.class)
@Timeout(120)
class JournalFollowHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/system/v1/logs/v2/component")
    URL route;

    /** Its own log roots and no re-check; the other tests' global resources stay out. */
    public static class NoRecheck implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Roots.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    public static class Roots implements QuarkusTestResourceLifecycleManager {
        static Path base;

        @Override
        public Map<String, String> start() {
            try {
                base = Files.createTempDirectory("journal-follow-http-");
                for (String d : List.of("sandbox", "pods", "components", "journal")) {
                    Files.createDirectories(base.resolve(d));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "logs.sandbox-root", base.resolve("sandbox").toString(),
                    "logs.pods-root", base.resolve("pods").toString(),
                    "logs.components-dir", base.resolve("components").toString(),
                    "logs.journal-dir", journal().toString(),
                    "logs.follow-recheck", "1h");
        }

        static Path journal() {
            return base.resolve("journal");
        }

        @Override
        public void stop() {
            try (Stream<Path> all = Files.walk(base)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a temporary directory
            }
        }
    }

    static Map<String, String> e(String label, String unit, String priority) {
        return Map.of("LABEL", label, "MESSAGE", label + " message", "UNIT", unit, "PRIORITY", priority);
    }

    static List<String> labels(List<SseClient.Block> events) {
        return events.stream().map(b -> JsonPath.from(b.data()).getString("fields.LABEL")).toList();
    }

    @Test
    void followersGetNewEntriesWithoutTheRecheckAndLeaveNoJournalctl() throws Exception {
        JournalFixture journal = JournalFixture.create(Roots.journal())
                .append(List.of(e("E1", "a.service", "3"), e("E2", "b.service", "6")));
        String base = route.toString();
        List<String> urls = List.of(base + "?cursor=END", base + "/a.service?cursor=END",
                base + "/a.service?cursor=END&filter=PRIORITY:6", base + "?cursor=BEG");
        List<SseClient> clients = new ArrayList<>();
        try {
            for (String url : urls) {
                clients.add(SseClient.open(url, null));
            }
            assertEquals(List.of("E1", "E2"), labels(clients.get(3).events(2, WAIT)));
            for (int round = 0; round < 3; round++) {
                String a = "A" + round;
                String b = "B" + round;
                String c = "C" + round;
                journal.append(List.of(e(a, "a.service", "3"), e(b, "b.service", "6"), e(c, "a.service", "6")));
                assertEquals(List.of(a, b, c), labels(clients.get(0).events(3, WAIT)));
                assertEquals(List.of(a, c), labels(clients.get(1).events(2, WAIT)));
                assertEquals(List.of(c), labels(clients.get(2).events(1, WAIT)));
                assertEquals(List.of(a, b, c), labels(clients.get(3).events(3, WAIT)));
            }
            for (SseClient client : clients) {
                assertTrue(client.eventsWithin(Duration.ofMillis(300)).isEmpty(), "nothing repeated");
            }
            assertTrue(JournalTails.SHARED.running(JournalFixture.JOURNALCTL, Roots.journal()).isPresent());
        } finally {
            clients.forEach(SseClient::close);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (JournalTails.SHARED.running(JournalFixture.JOURNALCTL, Roots.journal()).isPresent()) {
            assertTrue(System.nanoTime() < deadline, "the tail stops when its followers are gone");
            Thread.sleep(20);
        }
        assertEquals(0, JournalSharedTailTest.journalctls(Roots.journal()));
    }
}
