package org.clusterlogs.security.http;

import jakarta.inject.Singleton;
import org.clusterlogs.security.Logfmt;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One logfmt line per decision on the logger category {@code audit}, in DC/OS's format, so the
 * runbooks that grep for {@code result=deny} and a uid work unchanged. Never a token, a cookie
 * or a password: only who, what, from where, and why.
 */
@Singleton
public class AuditLog {

    private static final Logger AUDIT = Logger.getLogger("audit");

    private final String authorizer;

    public AuditLog(@ConfigProperty(name = "quarkus.application.name") String authorizer) {
        this.authorizer = authorizer;
    }

    /** Where a request came from and what it asked for, as the audit line shows them. */
    public record Request(String srcip, String uri) {
    }

    /**
     * @param object the rid decided on ({@code -} when no permission was needed)
     * @param uid    null when the caller is not authenticated
     */
    public void decision(Request request, String object, String action, boolean allowed, String reason, String uid) {
        if (!AUDIT.isInfoEnabled()) {
            return; // the audit category turned down: no line to build
        }
        StringBuilder line = new StringBuilder(200).append("type=audit");
        field(line, "timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        field(line, "authorizer", authorizer);
        field(line, "object", object);
        field(line, "action", action);
        field(line, "result", allowed ? "allow" : "deny");
        field(line, "reason", reason);
        field(line, "srcip", request.srcip());
        if (uid != null) {
            field(line, "uid", uid);
        }
        field(line, "request_uri", request.uri());
        AUDIT.info(line);
    }

    static void field(StringBuilder line, String key, String value) {
        Logfmt.append(line.append(' '), key, value);
    }
}
