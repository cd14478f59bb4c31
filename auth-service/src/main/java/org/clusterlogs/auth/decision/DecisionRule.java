package org.clusterlogs.auth.decision;

import org.clusterlogs.auth.acl.Ace;
import org.clusterlogs.auth.acl.Action;
import org.clusterlogs.auth.acl.Superusers;

import java.util.Collection;

/**
 * The decision, as a pure function of what the store says: allowed exactly when the user exists
 * and it or one of its groups holds any action on {@code dcos:superuser}, or holds the asked action
 * or {@code full} on exactly the rid. Deny by default; no rid hierarchy.
 */
public final class DecisionRule {

    private DecisionRule() {
    }

    /**
     * @param userExists whether the uid names a user or service account
     * @param grants     the grants the user holds directly or through its groups (others are ignored)
     * @param rid        the resource id asked about
     * @param action     the action asked about
     */
    public static Decision decide(boolean userExists, Collection<Ace> grants, String rid, Action action) {
        if (!userExists) {
            return new Decision(false, "unknown user");
        }
        for (Ace ace : grants) {
            if (ace.rid().equals(Superusers.RID)) {
                return new Decision(true, "superuser");
            }
        }
        for (Ace ace : grants) {
            if (ace.rid().equals(rid) && (ace.action() == action || ace.action() == Action.FULL)) {
                return new Decision(true, "granted " + ace.action().wire() + " on the rid"
                        + (ace.principal() == Ace.Principal.GROUP ? " through group " + ace.id() : ""));
            }
        }
        return new Decision(false, "no grant");
    }
}
