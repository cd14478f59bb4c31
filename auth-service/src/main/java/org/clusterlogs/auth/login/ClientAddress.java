package org.clusterlogs.auth.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clusterlogs.auth.config.AuthConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The client's address for throttling and audit: the TCP peer, unless the peer is one of the
 * trusted proxies ({@code auth.trusted-proxies}); then the last {@code X-Forwarded-For} entry that
 * is not itself a trusted proxy (the nearest address a trusted proxy vouches for).
 */
@ApplicationScoped
public class ClientAddress {

    private final List<Cidr> trusted;

    @Inject
    public ClientAddress(AuthConfig config) {
        this(config.trustedProxies().orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(Cidr::parse).toList());
    }

    ClientAddress(List<Cidr> trusted) {
        this.trusted = trusted;
    }

    /**
     * @param peer          the direct peer's IP address
     * @param forwardedFor  the {@code X-Forwarded-For} header values, or null
     */
    public String of(String peer, List<String> forwardedFor) {
        if (forwardedFor == null || forwardedFor.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = String.join(",", forwardedFor).split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (parse(hop) == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        InetAddress a = parse(address);
        return a != null && trusted.stream().anyMatch(c -> c.contains(a));
    }

    /** A literal IP address, never a name lookup; null when the text is not one. */
    static InetAddress parse(String literal) {
        if (literal == null || literal.isEmpty() || !literal.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address range: an address and a prefix length ({@code 10.0.0.0/8}, {@code ::1/128}, or a bare address). */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = ClientAddress.parse(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("auth.trusted-proxies: not an IP address or CIDR range: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("auth.trusted-proxies: bad prefix length in " + text);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
