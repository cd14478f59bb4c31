package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open streams are capped per client address and per node; one more gets 503 with Retry-After. */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
@TestProfile(StreamLimitTest.SmallCaps.class)
class StreamLimitTest {

    /** Caps small enough to reach with a handful of sockets. */
    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logs.max-streams", "5", "logs.max-streams-per-client", "3",
                    "logs.streams-retry-after", "7s", "quarkus.http.test-host", "0.0.0.0");
        }
    }

    @TestHTTPResource("/")
    URL base;

    /** A follower from {@code from} with what the server answered first (its head). */
    private record Follower(Socket socket, String head) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    private Follower follow(String from, String route) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress("127.0.0.1", base.getPort()));
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET " + route + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return new Follower(s, head.toString());
    }

    @Test
    void perClientThenPerNodeCapAnswer503WithRetryAfter() throws Exception {
        Sandboxes sandbox = Sandboxes.create();
        sandbox.write("stdout", "one\n");
        String route = sandbox.route("stdout");
        List<Follower> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(follow("127.0.0.1", route));
                assertEquals(200, open.get(i).status(), open.get(i).head());
            }
            Follower fourth = follow("127.0.0.1", route);
            assertEquals(503, fourth.status(), fourth.head());
            assertTrue(fourth.head().contains("Retry-After: 7"), fourth.head());
            assertTrue(fourth.head().contains("application/problem+json"), fourth.head());
            fourth.socket().close();

            open.add(follow("127.0.0.2", route));
            open.add(follow("127.0.0.2", route));
            assertEquals(200, open.get(4).status(), open.get(4).head());
            Follower sixth = follow("127.0.0.3", route);
            assertEquals(503, sixth.status(), "the node's cap: " + sixth.head());
            sixth.socket().close();

            open.remove(0).socket().close();
            Follower again = awaitAccepted("127.0.0.1", route);
            open.add(again);
        } finally {
            for (Follower f : open) {
                f.socket().close();
            }
        }
    }

    /** A closed stream gives its place back as soon as the service sees the close. */
    private Follower awaitAccepted(String from, String route) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            Follower f = follow(from, route);
            if (f.status() == 200) {
                return f;
            }
            f.socket().close();
            Thread.sleep(100);
        }
        throw new AssertionError("the place of a closed stream was not given back");
    }
}
