package org.clusterlogs.security.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.clusterlogs.security.AuthUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Calls to auth-service, with its failures mapped once: whatever goes wrong (refused connection,
 * time-out, a status other than 200, a body without the expected member) is an
 * {@link AuthUnavailableException}, so callers fail closed with 503. A 401 from auth-service
 * means the service's own token was refused: {@link #REFUSED_OUR_TOKEN} tells it apart.
 */
@ApplicationScoped
public class Acs {

    /** The detail of the failure when auth-service refused this service's own token (401). */
    public static final String REFUSED_OUR_TOKEN = "auth-service refused this service's token";
    private static final Logger LOG = Logger.getLogger(Acs.class);

    private final AcsClient client;

    public Acs(@RestClient AcsClient client) {
        this.client = client;
    }

    /** The policy query's answer, asked with this service's {@code Authorization} value. */
    public Uni<Boolean> allowed(String uid, String rid, String action, String authorization) {
        return client.policyQuery(rid, uid, action, authorization)
                .map(answer -> {
                    if (answer == null || answer.allowed() == null) {
                        throw new AuthUnavailableException("auth-service gave no decision");
                    }
                    return answer.allowed();
                })
                .onFailure(e -> !(e instanceof AuthUnavailableException)).transform(e -> unavailable("policy query", e));
    }

    /** Logs the service account in with its signed login token; the answer is its access token. */
    public Uni<String> login(String uid, String loginToken) {
        return client.login(new AcsClient.LoginRequest(uid, loginToken))
                .map(answer -> {
                    if (answer == null || answer.token() == null) {
                        throw new AuthUnavailableException("auth-service's login gave no token");
                    }
                    return answer.token();
                })
                .onFailure(e -> !(e instanceof AuthUnavailableException)).transform(e -> unavailable("login", e));
    }

    private static AuthUnavailableException unavailable(String call, Throwable e) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() == 401) {
            LOG.warnf("auth-service %s: 401, this service's token or login token was refused", call);
            return new AuthUnavailableException(REFUSED_OUR_TOKEN);
        }
        String what = e instanceof WebApplicationException web ? "status " + web.getResponse().getStatus() : e.toString();
        LOG.warnf("auth-service %s failed: %s", call, what);
        return new AuthUnavailableException("no decision can be had from auth-service");
    }
}
