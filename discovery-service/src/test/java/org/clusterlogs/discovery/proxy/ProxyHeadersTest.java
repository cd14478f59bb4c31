package org.clusterlogs.discovery.proxy;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProxyHeadersTest {

    @Test
    void hopByHopHeadersAndTheOnesConnectionNamesAreDropped() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Private").add("connection", "Upgrade")
                .add("X-Private", "1").add("Keep-Alive", "timeout=5").add("TE", "trailers").add("Trailer", "X-Sum")
                .add("Transfer-Encoding", "chunked").add("Upgrade", "websocket").add("Proxy-Authorization", "Basic x")
                .add("Proxy-Connection", "keep-alive").add("Accept", "text/event-stream").add("Range", "bytes=1-2");
        MultiMap out = ProxyHeaders.towardsClient(in);
        assertEquals(List.of("Accept", "Range"), out.names().stream().sorted().toList());
    }

    @Test
    void endToEndHeadersKeepEveryValueInOrder() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap().add("Set-Cookie", "a=1").add("Set-Cookie", "b=2")
                .add("Cookie", "c=3");
        assertEquals(List.of("a=1", "b=2"), ProxyHeaders.towardsClient(in).getAll("set-cookie"));
    }

    @Test
    void theClientIsAppendedToForwardedForAndProtoAndHostAreSet() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap().add("Host", "cluster.example")
                .add("X-Forwarded-For", "203.0.113.7").add("X-Forwarded-For", "10.0.0.1")
                .add("X-Forwarded-Proto", "gopher").add("Authorization", "token=t").add("Expect", "100-continue");
        MultiMap out = ProxyHeaders.towardsUpstream(in, "10.0.0.9", "https", "cluster.example");
        assertEquals(List.of("203.0.113.7, 10.0.0.1, 10.0.0.9"), out.getAll("X-Forwarded-For"));
        assertEquals("https", out.get("X-Forwarded-Proto"));
        assertEquals("cluster.example", out.get("X-Forwarded-Host"));
        assertEquals("token=t", out.get("Authorization"));
        assertNull(out.get("Host"), "the HTTP client writes the upstream's own Host");
        assertNull(out.get("Expect"), "the proxy answers 100 Continue itself");
    }

    @Test
    void aFirstHopStartsForwardedFor() {
        MultiMap out = ProxyHeaders.towardsUpstream(MultiMap.caseInsensitiveMultiMap()
                .add("X-Forwarded-Host", "spoofed"), "127.0.0.1", "http", null);
        assertEquals("127.0.0.1", out.get("X-Forwarded-For"));
        assertFalse(out.contains("X-Forwarded-Host"), "no Host, no X-Forwarded-Host");
    }
}
