package org.clusterlogs.auth.acl;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.store.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** ACLs ({@code iam_acls}) and their grants ({@code iam_aces}). */
@ApplicationScoped
public class AclRepository {

    private static final String ACE_COLUMNS = "rid, principal_kind, principal_id, action";

    private final Sql sql;

    public AclRepository(Sql sql) {
        this.sql = sql;
    }

    public Optional<Acl> find(String rid) {
        return sql.one("SELECT rid, description FROM iam_acls WHERE rid = ?", AclRepository::acl, rid);
    }

    public List<Acl> list() {
        return sql.list("SELECT rid, description FROM iam_acls ORDER BY rid", AclRepository::acl);
    }

    /** False when an ACL for the rid exists. */
    public boolean insert(Acl acl) {
        return sql.insertIfAbsent("INSERT INTO iam_acls (rid, description) VALUES (?, ?)", acl.rid(), acl.description());
    }

    public boolean updateDescription(String rid, String description) {
        return sql.update("UPDATE iam_acls SET description = ? WHERE rid = ?", description, rid) > 0;
    }

    /** Deletes the ACL and every grant on it; false when there is no such ACL. */
    public boolean delete(String rid) {
        return sql.update("DELETE FROM iam_acls WHERE rid = ?", rid) > 0;
    }

    /** Every grant on one rid. */
    public List<Ace> aces(String rid) {
        return sql.list("SELECT " + ACE_COLUMNS + " FROM iam_aces WHERE rid = ? ORDER BY principal_kind, principal_id, action",
                AclRepository::ace, rid);
    }

    /** Every grant one user or group holds directly. */
    public List<Ace> acesOf(Ace.Principal principal, String id) {
        return sql.list("SELECT " + ACE_COLUMNS + " FROM iam_aces WHERE principal_kind = ? AND principal_id = ? "
                + "ORDER BY rid, action", AclRepository::ace, principal.column(), id);
    }

    /** False when the grant exists already. The ACL must exist. */
    public boolean grant(Ace ace) {
        return sql.insertIfAbsent("INSERT INTO iam_aces (" + ACE_COLUMNS + ") VALUES (?, ?, ?, ?)", ace.rid(),
                ace.principal().column(), ace.id(), ace.action().wire());
    }

    /** False when there was no such grant. */
    public boolean revoke(Ace ace) {
        return sql.update("DELETE FROM iam_aces WHERE rid = ? AND principal_kind = ? AND principal_id = ? AND action = ?",
                ace.rid(), ace.principal().column(), ace.id(), ace.action().wire()) > 0;
    }

    /** Revokes every action one user or group holds on a rid; the number revoked. */
    public int revokeAll(String rid, Ace.Principal principal, String id) {
        return sql.update("DELETE FROM iam_aces WHERE rid = ? AND principal_kind = ? AND principal_id = ?", rid,
                principal.column(), id);
    }

    /**
     * What a decision needs, in one query: the grants on {@code dcos:superuser} and on {@code rid}
     * that the user holds directly or through one of its groups.
     */
    public List<Ace> grantsBearingOn(String uid, String rid) {
        return sql.list("SELECT " + ACE_COLUMNS + " FROM iam_aces WHERE rid IN (?, ?) AND ("
                        + "(principal_kind = 'user' AND principal_id = ?) OR (principal_kind = 'group' AND principal_id IN "
                        + "(SELECT gid FROM iam_memberships WHERE uid = ?)))",
                AclRepository::ace, Superusers.RID, rid, uid, uid);
    }

    static Acl acl(ResultSet rs) throws SQLException {
        return new Acl(rs.getString(1), rs.getString(2));
    }

    static Ace ace(ResultSet rs) throws SQLException {
        return new Ace(rs.getString(1), Ace.Principal.ofColumn(rs.getString(2)), rs.getString(3),
                Action.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)));
    }
}
