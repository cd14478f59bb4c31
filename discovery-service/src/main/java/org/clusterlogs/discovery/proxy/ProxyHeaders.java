package org.clusterlogs.discovery.proxy;

import io.vertx.core.MultiMap;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header rules of a reverse proxy (RFC 9110 §7.6.1): hop-by-hop headers belong to one
 * connection and are never passed on, in either direction: {@code Connection}, {@code Keep-Alive},
 * {@code TE}, {@code Trailer}, {@code Transfer-Encoding}, {@code Upgrade}, every {@code Proxy-*},
 * and whatever the {@code Connection} header itself names. Everything else is end-to-end and
 * goes through unchanged: the caller's {@code Authorization} and cookies (the upstream checks the
 * token again), {@code Accept}, {@code Last-Event-ID}, {@code Range}, and the upstream's
 * {@code Set-Cookie}, {@code Content-Type}, {@code Cache-Control}, {@code Content-Disposition}.
 * Towards the upstream the proxy says who asked: the client's address appended to
 * {@code X-Forwarded-For}, and {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} as the
 * client used them. {@code Host} becomes the upstream's own (the HTTP client writes it), and
 * {@code Expect: 100-continue} is answered by the proxy, not passed on.
 */
public final class ProxyHeaders {

    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");
    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    private ProxyHeaders() {
    }

    /**
     * What goes upstream for a client request with {@code headers}.
     *
     * @param client the address of the peer that sent the request to this proxy
     * @param proto  the scheme it used ({@code http} or {@code https})
     * @param host   the {@code Host} (authority) it asked for; null when it sent none
     */
    public static MultiMap towardsUpstream(MultiMap headers, String client, String proto, String host) {
        MultiMap out = endToEnd(headers);
        out.remove("Host");
        // discovery answers "100 Continue" itself once the upstream is reached (StreamProxy)
        out.remove("Expect");
        List<String> earlier = headers.getAll(FORWARDED_FOR);
        out.set(FORWARDED_FOR, earlier.isEmpty() ? client : String.join(", ", earlier) + ", " + client);
        out.set(FORWARDED_PROTO, proto);
        if (host != null) {
            out.set(FORWARDED_HOST, host);
        } else {
            out.remove(FORWARDED_HOST);
        }
        return out;
    }

    /** What goes back to the client of an upstream response with {@code headers}. */
    public static MultiMap towardsClient(MultiMap headers) {
        return endToEnd(headers);
    }

    /** A copy without the hop-by-hop headers, in the original order and case. */
    static MultiMap endToEnd(MultiMap headers) {
        Set<String> named = new HashSet<>();
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !name.startsWith("proxy-") && !named.contains(name)) {
                out.add(header.getKey(), header.getValue());
            }
        }
        return out;
    }
}
