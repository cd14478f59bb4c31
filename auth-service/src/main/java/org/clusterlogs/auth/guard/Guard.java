package org.clusterlogs.auth.guard;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.clusterlogs.auth.api.AuthExceptionMappers;
import org.clusterlogs.auth.audit.AuditLog;
import org.clusterlogs.auth.decision.Decision;
import org.clusterlogs.auth.decision.LocalDecisions;
import org.clusterlogs.auth.login.AuthCookies;
import org.clusterlogs.auth.login.ClientAddress;
import org.clusterlogs.auth.token.AccessTokenVerifier;
import org.clusterlogs.auth.token.InvalidTokenException;
import org.clusterlogs.auth.token.VerifiedToken;
import org.clusterlogs.common.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Protects auth-service's own API until the shared security module takes over: finds the token
 * ({@link TokenCarriers}), verifies it against this service's keys ({@link AccessTokenVerifier}),
 * applies the CSRF rule to cookie-borne writes, and decides the route's permission
 * ({@link RouteRules}, {@link LocalDecisions}) with an audit line. 401 ({@code WWW-Authenticate:
 * acsjwt}) and 403 are the suite's problem JSON; the reason a token failed goes to the log only.
 * Runs on the worker thread of the (blocking) resource method, so it may read the database.
 */
public class Guard {

    private static final Logger LOG = Logger.getLogger(Guard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final String CSRF_HEADER = "X-Requested-By";

    private final AccessTokenVerifier verifier;
    private final LocalDecisions decisions;
    private final ClientAddress clientAddress;
    private final AuditLog audit;
    private final Caller caller;

    public Guard(AccessTokenVerifier verifier, LocalDecisions decisions, ClientAddress clientAddress, AuditLog audit,
            Caller caller) {
        this.verifier = verifier;
        this.decisions = decisions;
        this.clientAddress = clientAddress;
        this.audit = audit;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        String method = request.getMethod();
        RouteRules.Rule rule = RouteRules.of(method, path);
        if (rule.open()) {
            return null;
        }
        Cookie cookie = request.getCookies().get(AuthCookies.AUTH);
        TokenCarriers.Carried carried = TokenCarriers.extract(request.getHeaders().get(HttpHeaders.AUTHORIZATION),
                cookie == null ? null : cookie.getValue());
        if (carried == null) {
            return unauthorized(path, "no token, or an unusable Authorization header");
        }
        VerifiedToken token;
        try {
            token = verifier.verify(carried.token());
        } catch (InvalidTokenException e) {
            return unauthorized(path, e.getMessage());
        }
        if (carried.fromCookie() && !SAFE_METHODS.contains(method)) {
            String header = request.getHeaderString(CSRF_HEADER);
            if (header == null || header.isBlank()) {
                return problem(403, "ERR_CSRF_HEADER_MISSING",
                        "a write authenticated by the cookie needs a non-empty " + CSRF_HEADER + " header", path);
            }
        }
        caller.set(token.uid(), token.authTime());
        if (!rule.needsPermission()) {
            return null;
        }
        String srcip = clientAddress.of(http.remoteAddress().hostAddress(), http.headers().getAll("X-Forwarded-For"));
        String uri = http.uri();
        if (token.uid().equals(rule.ownUid())) {
            audit.decision(RouteRules.ACS, "full", true, "user requests his/her own permissions", srcip, token.uid(), uri);
            return null;
        }
        Decision last = null;
        String rid = null;
        for (String candidate : rule.rids()) {
            rid = candidate;
            last = decisions.decide(token.uid(), candidate, "full");
            if (last.allowed()) {
                break;
            }
        }
        audit.decision(rid, "full", last.allowed(), last.reason(), srcip, token.uid(), uri);
        return last.allowed() ? null
                : problem(403, "ERR_FORBIDDEN", "the caller lacks the permission this route needs", path);
    }

    private static Response unauthorized(String path, String reason) {
        LOG.debugf("401 on %s: %s", path, reason);
        return Response.fromResponse(problem(401, "ERR_INVALID_TOKEN",
                        "a valid token is required (Authorization: token=<jwt> or Bearer <jwt>)", path))
                .header(HttpHeaders.WWW_AUTHENTICATE, AuthExceptionMappers.CHALLENGE).build();
    }

    private static Response problem(int status, String code, String detail, String path) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, code, detail, path)).build();
    }
}
