package org.clusterlogs.security.keys;

import com.sun.net.httpserver.HttpServer;
import org.clusterlogs.security.AuthUnavailableException;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JWKS client against a real HTTP server on loopback. */
class RemoteVerificationKeysTest {

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> jwks = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(RemoteVerificationKeys.PATH, exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.get() == null ? new byte[0] : jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(jwks.get() == null ? 500 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static RsaJsonWebKey key(String kid) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        key.setAlgorithm("RS256");
        key.setUse("sig");
        return key;
    }

    @Test
    void unknownKidFetchesAgainAtMostOncePerInterval() throws Exception {
        RsaJsonWebKey k1 = key("k1");
        RsaJsonWebKey k2 = key("k2");
        jwks.set(new JsonWebKeySet(k1).toJson());
        RemoteVerificationKeys keys = new RemoteVerificationKeys(url(), Duration.ofMinutes(5), Duration.ofMillis(1500));
        assertEquals(k1.getPublicKey(), keys.byKid("k1").orElseThrow());
        assertEquals(1, fetches.get());
        jwks.set(new JsonWebKeySet(k1, k2).toJson());
        assertTrue(keys.byKid("k2").isEmpty(), "fetched again within the interval");
        assertTrue(keys.byKid("nope").isEmpty());
        assertEquals(1, fetches.get());
        Thread.sleep(1600);
        assertEquals(k2.getPublicKey(), keys.byKid("k2").orElseThrow());
        assertEquals(2, fetches.get());
        assertEquals(k1.getPublicKey(), keys.byKid("k1").orElseThrow());
        assertEquals(2, fetches.get(), "a known kid fetched the keys");
    }

    @Test
    void keysThatCannotBeFetchedAreUnavailableNotUnknown() throws Exception {
        RemoteVerificationKeys keys = new RemoteVerificationKeys(url(), Duration.ofMinutes(5), Duration.ofMinutes(1));
        assertThrows(AuthUnavailableException.class, () -> keys.byKid("k1"));
        assertThrows(AuthUnavailableException.class, () -> keys.byKid("k1"));
        assertEquals(1, fetches.get(), "a failing auth-service was asked again within the interval");
    }

    @Test
    void knownKeysOutliveAFailedRefresh() throws Exception {
        RsaJsonWebKey k1 = key("k1");
        jwks.set(new JsonWebKeySet(k1).toJson());
        RemoteVerificationKeys keys = new RemoteVerificationKeys(url(), Duration.ZERO, Duration.ZERO);
        keys.byKid("k1").orElseThrow();
        jwks.set(null);
        assertEquals(k1.getPublicKey(), keys.byKid("k1").orElseThrow());
        assertTrue(fetches.get() >= 2);
    }
}
