package org.clusterlogs.auth.acl;

/** The access control list of one resource id: it must exist before anything is granted on it. */
public record Acl(String rid, String description) {
}
