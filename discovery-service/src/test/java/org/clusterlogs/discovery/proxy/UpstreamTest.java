package org.clusterlogs.discovery.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpstreamTest {

    @Test
    void theRequestTargetIsThePathAndTheQueryAsGiven() {
        Upstream upstream = Upstream.at("log-service", URI.create("http://10.0.0.5:8181"), "/files/read", "path=%2Fx&a=");
        assertEquals(new Upstream("log-service", false, "10.0.0.5", 8181, "/files/read?path=%2Fx&a="), upstream);
        assertEquals("/files/read", Upstream.at("x", URI.create("http://h"), "/files/read", null).requestTarget());
    }

    @Test
    void defaultPortsAndIpv6Literals() {
        Upstream https = Upstream.at("auth", URI.create("https://[::1]"), "/acs/api/v1", null);
        assertEquals("::1", https.host());
        assertEquals(443, https.port());
        assertEquals("[::1]:443", https.authority());
        assertEquals(80, Upstream.at("p", URI.create("HTTP://policy"), "/", null).port());
    }

    @Test
    void onlyHttpUrlsWithAHost() {
        assertThrows(IllegalArgumentException.class, () -> Upstream.at("x", URI.create("ftp://h"), "/", null));
        assertThrows(IllegalArgumentException.class, () -> Upstream.at("x", URI.create("localhost:8180"), "/", null));
    }

    @Test
    void failuresAreToldApartThroughTheirCauses() {
        assertEquals(UpstreamFailure.Kind.CONNECT_TIMEOUT, UpstreamFailure.kindOf(new ConnectTimeoutException("t")));
        assertEquals(UpstreamFailure.Kind.REFUSED,
                UpstreamFailure.kindOf(new RuntimeException(new ConnectException("refused"))));
        assertEquals(UpstreamFailure.Kind.UNKNOWN_HOST, UpstreamFailure.kindOf(new UnknownHostException("h")));
        assertEquals(UpstreamFailure.Kind.IDLE_TIMEOUT, UpstreamFailure.kindOf(new TimeoutException("idle")));
        assertEquals(UpstreamFailure.Kind.CLOSED, UpstreamFailure.kindOf(new HttpClosedException("closed")));
        assertEquals(UpstreamFailure.Kind.OTHER, UpstreamFailure.kindOf(new IllegalStateException("?")));
    }
}
