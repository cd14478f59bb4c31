package org.clusterlogs.policy.policies;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.store.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Policies and every revision of each, in the store. */
@ApplicationScoped
public class PolicyRepository {

    private static final String REVISION_COLUMNS = "name, revision, xml, created_at, created_by";
    private static final String LATEST = "SELECT r.name, r.revision, r.xml, r.created_at, r.created_by "
            + "FROM policy_revisions r JOIN policies p ON p.name = r.name AND p.latest = r.revision WHERE p.name = ?";
    /** Two requests storing the same policy at once: the loser of the race tries again. */
    private static final int ATTEMPTS = 5;

    private final Sql sql;

    public PolicyRepository(Sql sql) {
        this.sql = sql;
    }

    /** Stores {@code xml} as the next revision of {@code name} (1 for a new policy); answers that revision. */
    public int addRevision(String name, String xml, String createdBy) {
        return addRevision(name, xml, createdBy, false);
    }

    /**
     * Stores {@code xml} as the next revision of {@code name} unless it is already the latest one;
     * answers the latest revision either way. The comparison and the insert are one transaction on
     * the revision's primary key, so two replicas storing the same document at once store it once:
     * the loser's insert conflicts, and its retry finds the document as the latest revision.
     */
    public int addRevisionIfChanged(String name, String xml, String createdBy) {
        return addRevision(name, xml, createdBy, true);
    }

    private int addRevision(String name, String xml, String createdBy, boolean onlyIfChanged) {
        return sql.inTransactionRetryingConflicts(ATTEMPTS, tx -> {
            Optional<PolicyRevision> current = tx.one(LATEST, PolicyRepository::revision, name);
            if (onlyIfChanged && current.isPresent() && current.get().xml().equals(xml)) {
                return current.get().revision();
            }
            Optional<Integer> latest = current.map(PolicyRevision::revision);
            int next = latest.map(r -> r + 1).orElse(1);
            tx.update("INSERT INTO policy_revisions (" + REVISION_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                    name, next, xml, System.currentTimeMillis(), createdBy);
            if (latest.isPresent()) {
                tx.update("UPDATE policies SET latest = ? WHERE name = ?", next, name);
            } else {
                tx.update("INSERT INTO policies (name, latest) VALUES (?, ?)", name, next);
            }
            return next;
        });
    }

    public Optional<PolicyRevision> latest(String name) {
        return sql.one(LATEST, PolicyRepository::revision, name);
    }

    public Optional<PolicyRevision> revision(String name, int revision) {
        return sql.one("SELECT " + REVISION_COLUMNS + " FROM policy_revisions WHERE name = ? AND revision = ?",
                PolicyRepository::revision, name, revision);
    }

    /** The revisions of {@code name}, oldest first; empty when there is no such policy. */
    public List<Integer> revisions(String name) {
        return sql.list("SELECT revision FROM policy_revisions WHERE name = ? ORDER BY revision", rs -> rs.getInt(1),
                name);
    }

    /** Every policy with its latest revision, by name. */
    public List<PolicySummary> list() {
        return sql.list("SELECT name, latest FROM policies ORDER BY name",
                rs -> new PolicySummary(rs.getString(1), rs.getInt(2)));
    }

    /** Removes the policy and all its revisions; false when there was none. */
    public boolean delete(String name) {
        return sql.inTransaction(tx -> {
            tx.update("DELETE FROM policy_revisions WHERE name = ?", name);
            return tx.update("DELETE FROM policies WHERE name = ?", name) > 0;
        });
    }

    static PolicyRevision revision(ResultSet rs) throws SQLException {
        return new PolicyRevision(rs.getString(1), rs.getInt(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5));
    }

    /** A policy and its latest revision. */
    public record PolicySummary(String name, int revision) {
    }
}
