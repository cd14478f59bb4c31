package org.clusterlogs.security.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a service verifies callers and asks for permissions. Every key is read at run time, so one
 * build serves with and without authentication.
 */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** false turns every check off (local experiments only; logged loudly at start). */
    @WithDefault("true")
    boolean enabled();

    /** auth-service's base URL without a path: JWKS, policy query and login live under it. */
    @WithDefault("http://localhost:8180")
    String url();

    Token token();

    ServiceAccount serviceAccount();

    Jwks jwks();

    Decisions decisions();

    /** Paths anyone may call, no token looked at: exact, or a prefix ending in {@code /*}. */
    @WithDefault("/q/health,/q/health/*,/q/metrics,/q/openapi,/q/swagger-ui,/q/swagger-ui/*,/service-info")
    List<String> publicPaths();

    /**
     * What each protected path family needs, by a name of the service's choosing. A path that
     * no rule and no public path matches needs a valid token and no permission.
     */
    Map<String, Route> routes();

    /** How often an open stream checks that its caller is still allowed (its token's expiry is exact). */
    @WithDefault("60s")
    Duration streamRecheck();

    /** The {@code Retry-After} of the 503 answered while no decision can be had from auth-service. */
    @WithDefault("5s")
    Duration retryAfter();

    interface Token {
        /** The {@code iss} every accepted token carries. */
        @WithDefault("clusterlogs-auth")
        String issuer();

        /** Tolerance for clocks that differ between nodes, on {@code exp}, {@code iat} and {@code nbf}. */
        @WithDefault("30s")
        Duration clockSkew();

        /**
         * The longest life ({@code exp − iat}) of an accepted token; auth-service issues 15-minute
         * tokens by default. Raise it on every service when auth-service's lifetime goes above it.
         */
        @WithDefault("1h")
        Duration maxLifetime();
    }

    interface ServiceAccount {
        /** This service's account, for its own calls to auth-service (the policy query). */
        Optional<String> uid();

        /** Path of the account's PKCS#8 PEM private key. */
        Optional<String> privateKey();
    }

    interface Jwks {
        /** Keys are fetched again this often, so retired keys go and announced ones arrive. */
        @WithDefault("5m")
        Duration refreshInterval();

        /** A token with an unknown {@code kid} fetches the keys again at most this often. */
        @WithDefault("10s")
        Duration minRefetchInterval();
    }

    interface Decisions {
        /**
         * How long an answer of the policy query is reused; at most 4 s (a longer value is cut):
         * with auth-service's own second ({@code auth.store-cache-ttl}) a grant or a revocation
         * reaches every service within 5 s.
         */
        @WithDefault("4s")
        Duration cacheTtl();
    }

    /** One family of protected paths. */
    interface Route {
        /** Exact paths, or prefixes ending in {@code /*}; the longest match wins. */
        List<String> paths();

        /**
         * {@code <rid> <action>} pairs, any one of which allows the call (superuser is the
         * decision's business); none: a valid token is enough.
         */
        Optional<List<String>> permissions();
    }
}
