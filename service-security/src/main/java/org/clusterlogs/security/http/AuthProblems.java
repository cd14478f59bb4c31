package org.clusterlogs.security.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.common.problem.vertx.ProblemResponses;
import org.clusterlogs.security.AuthUnavailableException;
import org.clusterlogs.security.config.AuthConfig;

/**
 * The filter's refusals as the suite's problem JSON. 401 always carries
 * {@code WWW-Authenticate: acsjwt} and one generic detail: the client is not told why its token
 * failed (the service log is). 503 carries {@code Retry-After}.
 */
@Singleton
public class AuthProblems {

    public static final String MISSING_TOKEN = "ERR_MISSING_TOKEN";
    public static final String INVALID_TOKEN = "ERR_INVALID_TOKEN";
    public static final String FORBIDDEN = "ERR_FORBIDDEN";
    public static final String CSRF_HEADER_MISSING = "ERR_CSRF_HEADER_MISSING";

    private final ObjectMapper json;
    private final long retryAfterSeconds;

    public AuthProblems(ObjectMapper json, AuthConfig config) {
        this.json = json;
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
    }

    /** 401: no token, or one that does not verify. */
    public void unauthorized(RoutingContext rc, boolean presented) {
        rc.response().putHeader("WWW-Authenticate", "acsjwt");
        send(rc, presented
                ? Problem.of(401, INVALID_TOKEN, "the token is not valid; log in again for a new one", instance(rc))
                : Problem.of(401, MISSING_TOKEN, "this route needs a token: 'Authorization: token=<jwt>' or "
                        + "'Authorization: Bearer <jwt>'", instance(rc)));
    }

    /** 403 with {@code code}. */
    public void forbidden(RoutingContext rc, String code, String detail) {
        send(rc, Problem.of(403, code, detail, instance(rc)));
    }

    /** 503: auth-service cannot be asked; try again later. */
    public void unavailable(RoutingContext rc, String detail) {
        rc.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        send(rc, Problem.of(503, AuthUnavailableException.CODE, detail, instance(rc)));
    }

    private void send(RoutingContext rc, Problem problem) {
        ProblemResponses.send(rc.response(), json, problem);
    }

    private static String instance(RoutingContext rc) {
        return rc.request().path();
    }
}
