package org.clusterlogs.auth.login;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** X-Forwarded-For counts only when the peer is a trusted proxy. */
class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(
            List.of(ClientAddress.Cidr.parse("10.0.0.0/8"), ClientAddress.Cidr.parse("::1")));
    private final ClientAddress direct = new ClientAddress(List.of());

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("203.0.113.9", direct.of("203.0.113.9", List.of("1.2.3.4")));
        assertEquals("203.0.113.9", behindProxies.of("203.0.113.9", List.of("1.2.3.4")));
    }

    @Test
    void aTrustedProxyVouchesForTheNearestUntrustedHop() {
        assertEquals("1.2.3.4", behindProxies.of("10.1.2.3", List.of("1.2.3.4")));
        assertEquals("1.2.3.4", behindProxies.of("10.1.2.3", List.of("6.6.6.6, 1.2.3.4, 10.9.9.9")),
                "a client-written first entry is not believed");
        assertEquals("1.2.3.4", behindProxies.of("::1", List.of("6.6.6.6", "1.2.3.4")));
        assertEquals("10.1.2.3", behindProxies.of("10.1.2.3", List.of("not-an-address")));
        assertEquals("10.1.2.3", behindProxies.of("10.1.2.3", null));
    }

    @Test
    void rangesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.Cidr.parse("example.org"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.Cidr.parse("10.0.0.0/33"));
        assertEquals("11.0.0.1", behindProxies.of("11.0.0.1", List.of("1.2.3.4")));
    }
}
