package org.clusterlogs.auth.guard;

import java.util.List;
import java.util.Locale;

/**
 * Where a request's token is: {@code Authorization: token=<jwt>} (exact prefix) or
 * {@code Authorization: Bearer <jwt>} (scheme in any case, one space); the
 * {@code dcos-acs-auth-cookie} only when there is no Authorization header at all. An unusable
 * header is a failure even when a good cookie is present; two Authorization headers are a failure.
 */
final class TokenCarriers {

    private TokenCarriers() {
    }

    /** A token and whether it came from the cookie (which makes writes need the CSRF header). */
    record Carried(String token, boolean fromCookie) {
    }

    /** The token, or null when there is none or the carrier is unusable (the request is then a 401). */
    static Carried extract(List<String> authorization, String cookie) {
        if (authorization != null && !authorization.isEmpty()) {
            if (authorization.size() > 1) {
                return null;
            }
            String header = authorization.get(0);
            String token = null;
            if (header.startsWith("token=")) {
                token = header.substring("token=".length());
            } else if (header.length() > 7 && header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
                token = header.substring(7);
            }
            return token == null || token.isEmpty() ? null : new Carried(token, false);
        }
        return cookie == null || cookie.isEmpty() ? null : new Carried(cookie, true);
    }
}
