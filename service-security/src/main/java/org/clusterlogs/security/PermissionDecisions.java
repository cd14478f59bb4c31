package org.clusterlogs.security;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Whether a user may perform an action on a resource id ({@code dcos:superuser}, group and
 * {@code full} semantics included). Every service but auth-service asks auth-service's policy query;
 * auth-service decides from its own store.
 */
public interface PermissionDecisions {

    /**
     * @param uid    the caller, as verified from its token
     * @param rid    a resource id such as {@code dcos:adminrouter:ops:system-logs}
     * @param action {@code create}, {@code read}, {@code update}, {@code delete} or {@code full}
     * @return true when allowed; a failure when no decision could be made (callers fail closed)
     */
    Uni<Boolean> allowed(String uid, String rid, String action);

    /**
     * The decision when it is at hand without waiting (a remembered answer), so that the common
     * case costs no asynchronous step; empty when {@link #allowed} must be asked.
     */
    default Optional<Boolean> known(String uid, String rid, String action) {
        return Optional.empty();
    }
}
