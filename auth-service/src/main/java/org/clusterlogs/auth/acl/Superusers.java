package org.clusterlogs.auth.acl;

/**
 * The built-in group whose members may do everything: it holds {@code full} on
 * {@code dcos:superuser}, which the service never lets go, and it never loses its last member.
 */
public final class Superusers {

    public static final String GROUP = "superusers";
    public static final String RID = "dcos:superuser";

    private Superusers() {
    }
}
