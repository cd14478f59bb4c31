package org.clusterlogs.auth.decision;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.acl.AclRepository;
import org.clusterlogs.auth.acl.Action;
import org.clusterlogs.auth.identity.Uids;
import org.clusterlogs.auth.identity.UserRepository;
import org.clusterlogs.security.PermissionDecisions;

import java.util.List;
import java.util.Optional;

/**
 * Decisions from this service's own store: what the policy query answers, what guards the
 * management API, and (replacing service-security's remote default) what the shared security
 * module asks inside auth-service. Two short queries per decision, no cache: a revoked grant
 * bites at once here.
 */
@ApplicationScoped
public class LocalDecisions implements PermissionDecisions {

    private final UserRepository users;
    private final AclRepository acls;

    public LocalDecisions(UserRepository users, AclRepository acls) {
        this.users = users;
        this.acls = acls;
    }

    /** Decides on the calling thread (it reads the database: not on an event loop). */
    public Decision decide(String uid, String rid, String action) {
        Optional<Action> asked = Action.of(action);
        if (asked.isEmpty()) {
            return new Decision(false, "unknown action");
        }
        if (!Uids.valid(uid)) {
            return new Decision(false, "invalid uid");
        }
        boolean exists = users.find(uid).isPresent();
        return DecisionRule.decide(exists, exists ? acls.grantsBearingOn(uid, rid) : List.of(), rid,
                asked.get());
    }

    @Override
    public Uni<Boolean> allowed(String uid, String rid, String action) {
        return Uni.createFrom().item(() -> decide(uid, rid, action).allowed())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
