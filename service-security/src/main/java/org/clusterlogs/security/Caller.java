package org.clusterlogs.security;

import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.Optional;

/**
 * A caller whose token verified: who it is, until when its token holds, and whether the token
 * came from the cookie (then writes need the CSRF header). Put on the request for the service.
 *
 * @param uid        the {@code uid} claim, checked against the suite's uid rule
 * @param expiresAt  the token's {@code exp}
 * @param fromCookie true when the token came from {@code dcos-acs-auth-cookie}
 * @param authenticatedAt when the caller logged in: the token's {@code auth_time}, else its {@code iat}
 */
public record Caller(String uid, Instant expiresAt, boolean fromCookie, Instant authenticatedAt) {

    /** Where the filter leaves the caller on the routing context. */
    public static final String KEY = Caller.class.getName();

    /** The verified caller of this request; empty when authentication is off or the path is public. */
    public static Optional<Caller> of(RoutingContext rc) {
        return Optional.ofNullable(rc.get(KEY));
    }
}
