package org.clusterlogs.auth.audit;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.security.Logfmt;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The audit trail, in DC/OS's logfmt on the logger category {@code audit}: one line per login and
 * per decision. Never a token, password or cookie; every value that came from a client is quoted
 * and escaped, so a uid or a path cannot forge a field or a line.
 */
@ApplicationScoped
public class AuditLog {

    static final String AUTHORIZER = "auth-service";
    private static final Logger LOG = Logger.getLogger("audit");

    /** A permission decision of this service. */
    public void decision(String rid, String action, boolean allowed, String reason, String srcip, String uid,
            String requestUri) {
        LOG.info(Logfmt.line("type", "audit", "timestamp", now(), "authorizer", AUTHORIZER, "object", rid,
                "action", action, "result", allowed ? "allow" : "deny", "reason", reason, "srcip", srcip,
                "uid", uid, "request_uri", requestUri));
    }

    /** A login attempt: {@code password-login} or {@code service-login}. */
    public void login(String srcip, String action, boolean allowed, String reason, String uid) {
        LOG.info(Logfmt.line("type", "audit", "timestamp", now(), "srcip", srcip, "component", AUTHORIZER,
                "action", action, "result", allowed ? "allow" : "deny", "reason", reason, "uid", uid));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
