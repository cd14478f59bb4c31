package org.clusterlogs.security.http;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.clusterlogs.security.AuthUnavailableException;
import org.clusterlogs.security.Caller;
import org.clusterlogs.security.PermissionDecisions;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a verified caller may use a path family: asks {@link PermissionDecisions} for
 * the rule's permissions in order until one allows, and writes an audit line for every answer.
 * A decision that cannot be had is an {@link AuthUnavailableException}: the caller fails closed.
 */
@Singleton
public class Authorizer {

    static final String REASON_ANSWER = "IAM PQ response";
    private static final Logger LOG = Logger.getLogger(Authorizer.class);

    private final PermissionDecisions decisions;
    private final AuditLog audit;

    public Authorizer(PermissionDecisions decisions, AuditLog audit) {
        this.decisions = decisions;
        this.audit = audit;
    }

    /** Whether {@code caller} may use what {@code rule} guards. */
    public Uni<Boolean> allows(Caller caller, RouteRules.Rule rule, AuditLog.Request request) {
        if (rule.anyOf().isEmpty()) {
            return Uni.createFrom().item(allowsEveryone(caller, request));
        }
        return ask(caller, rule.anyOf(), 0, request);
    }

    /**
     * The same answer as {@link #allows}, at once, when every decision it needs is remembered
     * (the usual case: a caller's next requests); empty, and nothing audited, when one must be
     * asked.
     */
    public Optional<Boolean> allowsNow(Caller caller, RouteRules.Rule rule, AuditLog.Request request) {
        List<RouteRules.Permission> anyOf = rule.anyOf();
        if (anyOf.isEmpty()) {
            return Optional.of(allowsEveryone(caller, request));
        }
        int asked = 0;
        boolean allowed = false;
        while (!allowed && asked < anyOf.size()) {
            RouteRules.Permission permission = anyOf.get(asked++);
            Optional<Boolean> known = decisions.known(caller.uid(), permission.rid(), permission.action());
            if (known.isEmpty()) {
                return Optional.empty();
            }
            allowed = known.get();
        }
        for (int i = 0; i < asked; i++) {
            RouteRules.Permission permission = anyOf.get(i);
            audit.decision(request, permission.rid(), permission.action(), allowed && i == asked - 1, REASON_ANSWER,
                    caller.uid());
        }
        return Optional.of(allowed);
    }

    private boolean allowsEveryone(Caller caller, AuditLog.Request request) {
        audit.decision(request, "-", "full", true, "authenticated (all users are allowed to access)", caller.uid());
        return true;
    }

    private Uni<Boolean> ask(Caller caller, List<RouteRules.Permission> anyOf, int index, AuditLog.Request request) {
        RouteRules.Permission permission = anyOf.get(index);
        return Uni.createFrom().deferred(() -> decisions.allowed(caller.uid(), permission.rid(), permission.action()))
                .onFailure().transform(e -> {
                    audit.decision(request, permission.rid(), permission.action(), false, "policy query failed",
                            caller.uid());
                    if (e instanceof AuthUnavailableException unavailable) {
                        return unavailable;
                    }
                    LOG.errorf(e, "deciding on %s for %s failed", permission.rid(), caller.uid());
                    return new AuthUnavailableException("no decision could be made");
                })
                .chain(allowed -> {
                    boolean yes = Boolean.TRUE.equals(allowed);
                    audit.decision(request, permission.rid(), permission.action(), yes, REASON_ANSWER, caller.uid());
                    if (yes || index + 1 == anyOf.size()) {
                        return Uni.createFrom().item(yes);
                    }
                    return ask(caller, anyOf, index + 1, request);
                });
    }
}
