package org.clusterlogs.policy.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.common.problem.vertx.ProblemResponses;

/**
 * The HTTPS listener exists for the Kubernetes API server only ({@code quarkus.http.ssl.*},
 * set in {@code deploy/}: the API server calls webhooks over TLS), so on it this service answers
 * the admission review and nothing else: every other path is 404 before any other handler (the
 * suite, the probes and Prometheus use the plain HTTP port). Without a certificate there is no
 * HTTPS listener and this changes nothing.
 */
@ApplicationScoped
public class WebhookListener {

    /** Before the auth filter and the MessageLogging filter: a refused request is not logged as an API call. */
    static final int ORDER = -20_000;
    static final String PATH = "/admission/messageloggingpolicies";

    private final ObjectMapper json;

    public WebhookListener(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        if (!rc.request().isSSL() || PATH.equals(rc.normalizedPath())) {
            rc.next();
            return;
        }
        ProblemResponses.send(rc.response(), json, Problem.of(404, "NotFound",
                "the HTTPS port serves only " + PATH + " (the Kubernetes API server's webhook call)",
                rc.normalizedPath()));
    }
}
