package org.clusterlogs.security.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.clusterlogs.security.AuthUnavailableException;
import org.clusterlogs.security.Caller;
import org.clusterlogs.security.config.AuthConfig;
import org.clusterlogs.security.token.InvalidTokenException;
import org.clusterlogs.security.token.PresentedToken;
import org.clusterlogs.security.token.TokenCarrier;
import org.clusterlogs.security.token.TokenVerifier;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one gate in front of every route of a service, reactive routes and Quarkus REST alike
 * (both are handlers on the same Vert.x router, behind this one): public path, or token
 * (carriers of {@link TokenCarrier}), verification ({@link TokenVerifier}, off the event loop),
 * the CSRF rule for cookie-authenticated writes, the path family's permission
 * ({@link Authorizer}); then the request goes on with its {@link Caller} on the context, or is
 * answered 401, 403 or 503 as problem JSON. With {@code auth.enabled=false} it is not installed
 * at all, and says so loudly.
 */
@Singleton
public class AuthFilter {

    /** After Quarkus's own first handlers (access log, body), before every route of the service. */
    static final int ORDER = -1_000;
    /** Where the filter leaves the rule that allowed the request, for {@link StreamAccess}. */
    static final String RULE_KEY = RouteRules.Rule.class.getName();
    private static final Logger LOG = Logger.getLogger(AuthFilter.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final AuthConfig config;
    private final TokenVerifier verifier;
    private final Authorizer authorizer;
    private final AuthProblems problems;
    private final AuditLog audit;
    private final AuthMetrics metrics;
    private final Vertx vertx;
    private RouteRules rules;

    public AuthFilter(AuthConfig config, TokenVerifier verifier, Authorizer authorizer, AuthProblems problems,
                      AuditLog audit, AuthMetrics metrics, Vertx vertx) {
        this.config = config;
        this.verifier = verifier;
        this.authorizer = authorizer;
        this.problems = problems;
        this.audit = audit;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        if (!config.enabled()) {
            LOG.warn("*** auth.enabled=false: AUTHENTICATION AND AUTHORIZATION ARE OFF. Every route of this service "
                    + "answers anybody who reaches its port. For local experiments only. ***");
            return;
        }
        Map<String, RouteRules.Route> routes = new TreeMap<>();
        config.routes().forEach((name, r) -> routes.put(name,
                new RouteRules.Route(r.paths(), r.permissions().orElse(java.util.List.of()))));
        rules = new RouteRules(config.publicPaths(), routes);
        router.route().order(ORDER).handler(this::handle);
        LOG.infof("auth: tokens verified against %s, permissions asked for %s", config.url(), routes.keySet());
    }

    private void handle(RoutingContext rc) {
        RouteRules.Rule rule = rules.match(rc.normalizedPath());
        if (rule.open()) {
            rc.next();
            return;
        }
        HttpServerRequest request = rc.request();
        AuditLog.Request seen = new AuditLog.Request(request.remoteAddress() == null ? "-"
                : request.remoteAddress().host(), request.uri());
        Optional<PresentedToken> token;
        try {
            Cookie cookie = request.getCookie(TokenCarrier.COOKIE);
            token = TokenCarrier.find(request.headers().getAll("Authorization"), cookie == null ? null : cookie.getValue());
        } catch (InvalidTokenException e) {
            refuse(rc, rule, seen, true, e.getMessage());
            return;
        }
        if (token.isEmpty()) {
            refuse(rc, rule, seen, false, "no token");
            return;
        }
        Optional<Caller> known = verifier.alreadyVerified(token.get());
        if (known.isPresent()) {
            authorize(rc, rule, seen, known.get());
            return;
        }
        try {
            TokenVerifier.requireShape(token.get());
        } catch (InvalidTokenException e) {
            refuse(rc, rule, seen, true, e.getMessage());
            return;
        }
        vertx.<Caller>executeBlocking(() -> verifier.verify(token.get()), false).onComplete(verified -> {
            if (verified.succeeded()) {
                authorize(rc, rule, seen, verified.result());
            } else if (verified.cause() instanceof InvalidTokenException invalid) {
                refuse(rc, rule, seen, true, invalid.getMessage());
            } else if (verified.cause() instanceof AuthUnavailableException unavailable) {
                unavailable(rc, unavailable);
            } else {
                LOG.error("verifying a token failed unexpectedly; answering 401", verified.cause());
                refuse(rc, rule, seen, true, "verification failed");
            }
        });
    }

    private void authorize(RoutingContext rc, RouteRules.Rule rule, AuditLog.Request seen, Caller caller) {
        if (caller.fromCookie() && !SAFE.contains(rc.request().method()) && isBlank(rc.request().getHeader("X-Requested-By"))) {
            metrics.decision("csrf");
            audit.decision(seen, "-", rc.request().method().name(), false,
                    "cookie-authenticated write without X-Requested-By", caller.uid());
            problems.forbidden(rc, AuthProblems.CSRF_HEADER_MISSING, "a request authenticated by the cookie that "
                    + "changes anything must carry the header X-Requested-By");
            return;
        }
        Optional<Boolean> now = authorizer.allowsNow(caller, rule, seen);
        if (now.isPresent()) {
            decided(rc, caller, rule, now.get());
            return;
        }
        authorizer.allows(caller, rule, seen).subscribe().with(allowed -> decided(rc, caller, rule, allowed),
                failure -> unavailable(rc, failure instanceof AuthUnavailableException u ? u
                        : new AuthUnavailableException("no decision could be made")));
    }

    private void decided(RoutingContext rc, Caller caller, RouteRules.Rule rule, boolean allowed) {
        if (!allowed) {
            metrics.decision("deny");
            problems.forbidden(rc, AuthProblems.FORBIDDEN, "the caller lacks the permission this route needs");
            return;
        }
        metrics.decision("allow");
        rc.put(Caller.KEY, caller);
        rc.put(RULE_KEY, rule);
        rc.next();
    }

    private void refuse(RoutingContext rc, RouteRules.Rule rule, AuditLog.Request seen, boolean presented, String reason) {
        metrics.decision("unauthenticated");
        LOG.debugf("401 for %s: %s", seen.uri(), reason);
        String object = rule.anyOf().isEmpty() ? "-" : rule.anyOf().get(0).rid();
        audit.decision(seen, object, "full", false, "not authenticated: " + reason, null);
        problems.unauthorized(rc, presented);
    }

    private void unavailable(RoutingContext rc, AuthUnavailableException e) {
        metrics.decision("unavailable");
        problems.unavailable(rc, e.getMessage());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
