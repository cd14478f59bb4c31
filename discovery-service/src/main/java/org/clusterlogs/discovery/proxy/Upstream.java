package org.clusterlogs.discovery.proxy;

import java.net.URI;
import java.util.Locale;

/**
 * Where one proxied request goes: an upstream's address and the request target (path and raw
 * query) to ask it for.
 *
 * @param name          what the upstream is, for problem details and logs ({@code agent 0d5e…-S0}, {@code auth-service})
 * @param https         whether to speak TLS
 * @param host          host name or address
 * @param port          TCP port
 * @param requestTarget path plus {@code ?query} when there is one, as sent upstream
 */
public record Upstream(String name, boolean https, String host, int port, String requestTarget) {

    /**
     * The request {@code path} with {@code rawQuery} carried unchanged (null: none), at
     * {@code base} ({@code scheme://host[:port]}, no path).
     *
     * @throws IllegalArgumentException when {@code base} is not an http(s) URL with a host
     */
    public static Upstream at(String name, URI base, String path, String rawQuery) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            throw new IllegalArgumentException(name + ": not an http(s) URL with a host: " + base);
        }
        boolean https = scheme.equals("https");
        int port = base.getPort() >= 0 ? base.getPort() : https ? 443 : 80;
        String host = base.getHost().startsWith("[") ? base.getHost().substring(1, base.getHost().length() - 1)
                : base.getHost();
        return new Upstream(name, https, host, port, rawQuery == null ? path : path + "?" + rawQuery);
    }

    /** {@code host:port}, for problem details and logs. */
    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
