package org.clusterlogs.auth.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.acl.Superusers;
import org.clusterlogs.store.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Groups ({@code iam_groups}) and who is in them ({@code iam_memberships}). */
@ApplicationScoped
public class GroupRepository {

    private final Sql sql;

    public GroupRepository(Sql sql) {
        this.sql = sql;
    }

    public Optional<Group> find(String gid) {
        return sql.one("SELECT gid, description FROM iam_groups WHERE gid = ?", GroupRepository::group, gid);
    }

    public List<Group> list() {
        return sql.list("SELECT gid, description FROM iam_groups ORDER BY gid", GroupRepository::group);
    }

    /** False when the gid is taken. */
    public boolean insert(Group group) {
        return sql.insertIfAbsent("INSERT INTO iam_groups (gid, description) VALUES (?, ?)", group.gid(),
                group.description());
    }

    public boolean updateDescription(String gid, String description) {
        return sql.update("UPDATE iam_groups SET description = ? WHERE gid = ?", description, gid) > 0;
    }

    /** Deletes the group with its memberships and ACEs; false when there is no such group. */
    public boolean delete(String gid) {
        return sql.inTransaction(tx -> {
            tx.update("DELETE FROM iam_aces WHERE principal_kind = 'group' AND principal_id = ?", gid);
            return tx.update("DELETE FROM iam_groups WHERE gid = ?", gid) > 0;
        });
    }

    /** The members of a group, of one kind. */
    public List<User> members(String gid, User.Kind kind) {
        return sql.list("SELECT " + UserRepository.COLUMNS + " FROM iam_users u JOIN iam_memberships m ON m.uid = u.uid "
                + "WHERE m.gid = ? AND u.kind = ? ORDER BY u.uid", UserRepository::user, gid, kind.column());
    }

    /** The groups a user is in. */
    public List<Group> groupsOf(String uid) {
        return sql.list("SELECT g.gid, g.description FROM iam_groups g JOIN iam_memberships m ON m.gid = g.gid "
                + "WHERE m.uid = ? ORDER BY g.gid", GroupRepository::group, uid);
    }

    /** False when the user is a member already. Both must exist. */
    public boolean addMember(String gid, String uid) {
        return sql.insertIfAbsent("INSERT INTO iam_memberships (gid, uid) VALUES (?, ?)", gid, uid);
    }

    /** Takes a user out of a group, unless that would leave {@code superusers} empty. */
    public UserRepository.Removal removeMember(String gid, String uid) {
        return sql.inTransaction(tx -> {
            if (gid.equals(Superusers.GROUP) && UserRepository.SuperuserGuard.wouldLoseLastMember(tx, uid)) {
                return UserRepository.Removal.LAST_SUPERUSER;
            }
            int rows = tx.update("DELETE FROM iam_memberships WHERE gid = ? AND uid = ?", gid, uid);
            return rows > 0 ? UserRepository.Removal.DONE : UserRepository.Removal.NOT_FOUND;
        });
    }

    static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getString(1), rs.getString(2));
    }
}
