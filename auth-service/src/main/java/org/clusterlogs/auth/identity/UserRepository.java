package org.clusterlogs.auth.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.acl.Superusers;
import org.clusterlogs.store.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Users and service accounts in {@code iam_users}. */
@ApplicationScoped
public class UserRepository {

    static final String COLUMNS = "u.uid, u.description, u.kind, u.password_hash, u.public_key";

    private final Sql sql;

    public UserRepository(Sql sql) {
        this.sql = sql;
    }

    /** What deleting a user or taking it out of a group came to. */
    public enum Removal {
        DONE, NOT_FOUND, LAST_SUPERUSER
    }

    public Optional<User> find(String uid) {
        return sql.one("SELECT " + COLUMNS + " FROM iam_users u WHERE u.uid = ?", UserRepository::user, uid);
    }

    public List<User> list(User.Kind kind) {
        return sql.list("SELECT " + COLUMNS + " FROM iam_users u WHERE u.kind = ? ORDER BY u.uid",
                UserRepository::user, kind.column());
    }

    /** False when the uid is taken. */
    public boolean insert(User user) {
        return sql.insertIfAbsent(
                "INSERT INTO iam_users (uid, description, kind, password_hash, public_key, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                user.uid(), user.description(), user.kind().column(), user.passwordHash(), user.publicKeyPem(),
                System.currentTimeMillis());
    }

    /** Sets the description, the password hash, or both (null leaves one as it is); false when there is no such user. */
    public boolean update(String uid, String description, String passwordHash) {
        return sql.inTransaction(tx -> {
            int rows = tx.update("UPDATE iam_users SET description = COALESCE(?, description), "
                    + "password_hash = COALESCE(?, password_hash) WHERE uid = ?", description, passwordHash, uid);
            return rows > 0;
        });
    }

    /** Replaces a service account's public key (the bootstrap keeps the suite's accounts in step with their key files). */
    public boolean updatePublicKey(String uid, String publicKeyPem) {
        return sql.update("UPDATE iam_users SET public_key = ? WHERE uid = ? AND kind = ?", publicKeyPem, uid,
                User.Kind.SERVICE.column()) > 0;
    }

    /** Deletes the user with its memberships and ACEs, unless it is the last member of {@code superusers}. */
    public Removal delete(String uid) {
        return sql.inTransaction(tx -> {
            if (!tx.exists("SELECT uid FROM iam_users WHERE uid = ?", uid)) {
                return Removal.NOT_FOUND;
            }
            if (SuperuserGuard.wouldLoseLastMember(tx, uid)) {
                return Removal.LAST_SUPERUSER;
            }
            tx.update("DELETE FROM iam_aces WHERE principal_kind = 'user' AND principal_id = ?", uid);
            tx.update("DELETE FROM iam_users WHERE uid = ?", uid);
            return Removal.DONE;
        });
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), rs.getString(2), User.Kind.ofColumn(rs.getString(3)), rs.getString(4),
                rs.getString(5));
    }

    /** The last-member rule of {@code superusers}, checked under a lock on the group's row. */
    static final class SuperuserGuard {

        private SuperuserGuard() {
        }

        /**
         * True when {@code uid} is the only member of {@code superusers}. Locks the group's row first,
         * so two concurrent removals cannot each leave the other as the "remaining" member.
         */
        static boolean wouldLoseLastMember(Sql.Tx tx, String uid) throws SQLException {
            tx.list("SELECT gid FROM iam_groups WHERE gid = ? FOR UPDATE", rs -> rs.getString(1), Superusers.GROUP);
            boolean member = tx.exists("SELECT uid FROM iam_memberships WHERE gid = ? AND uid = ?", Superusers.GROUP, uid);
            if (!member) {
                return false;
            }
            return !tx.exists("SELECT uid FROM iam_memberships WHERE gid = ? AND uid <> ?", Superusers.GROUP, uid);
        }
    }
}
