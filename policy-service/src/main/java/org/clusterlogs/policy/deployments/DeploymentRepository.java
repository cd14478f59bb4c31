package org.clusterlogs.policy.deployments;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.store.Sql;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What is deployed to each environment, and each environment's version, in the store. */
@ApplicationScoped
public class DeploymentRepository {

    private static final int ATTEMPTS = 5;

    private final Sql sql;

    public DeploymentRepository(Sql sql) {
        this.sql = sql;
    }

    /** Deploys {@code revision} of {@code name} to {@code environment} (replacing the deployed one); the new version. */
    public long deploy(String environment, String name, int revision, List<String> services, Instant deployedAt) {
        return changing(environment, tx -> {
            tx.update("DELETE FROM deployments WHERE environment = ? AND name = ?", environment, name);
            tx.update("INSERT INTO deployments (environment, name, revision, services, deployed_at) VALUES (?, ?, ?, ?, ?)",
                    environment, name, revision, services == null ? null : String.join(",", services),
                    deployedAt.toEpochMilli());
            return true;
        });
    }

    /** Undeploys {@code name} from {@code environment}; -1 when it was not deployed there, else the new version. */
    public long undeploy(String environment, String name) {
        return changing(environment, tx ->
                tx.update("DELETE FROM deployments WHERE environment = ? AND name = ?", environment, name) > 0);
    }

    /** The environment's version: 0 before anything was ever deployed there. */
    public long version(String environment) {
        return sql.one("SELECT version FROM environment_versions WHERE environment = ?", rs -> rs.getLong(1),
                environment).orElse(0L);
    }

    /** The deployed set as one consistent read: the version and the deployments it stands for. */
    public DeployedSet deployedSet(String environment) {
        return sql.inTransaction(tx -> {
            long version = tx.one("SELECT version FROM environment_versions WHERE environment = ?",
                    rs -> rs.getLong(1), environment).orElse(0L);
            List<Deployment> deployments = tx.list("SELECT d.name, d.revision, d.services, d.deployed_at, r.xml "
                            + "FROM deployments d JOIN policy_revisions r ON r.name = d.name AND r.revision = d.revision "
                            + "WHERE d.environment = ? ORDER BY d.name",
                    rs -> new Deployment(rs.getString(1), rs.getInt(2), services(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5)), environment);
            return new DeployedSet(environment, version, deployments);
        });
    }

    /** Whether any environment has a revision of {@code name} deployed. */
    public boolean deployedAnywhere(String name) {
        return sql.one("SELECT 1 FROM deployments WHERE name = ?", rs -> true, name).isPresent();
    }

    /** Runs a change and, when it changed anything, raises the environment's version in the same transaction. */
    private long changing(String environment, Sql.Work<Boolean> change) {
        return sql.inTransactionRetryingConflicts(ATTEMPTS, tx -> {
            if (!change.run(tx)) {
                return -1L;
            }
            if (tx.update("UPDATE environment_versions SET version = version + 1 WHERE environment = ?",
                    environment) == 0) {
                tx.update("INSERT INTO environment_versions (environment, version) VALUES (?, 1)", environment);
            }
            return tx.one("SELECT version FROM environment_versions WHERE environment = ?", rs -> rs.getLong(1),
                    environment).orElseThrow();
        });
    }

    private static List<String> services(String column) {
        return column == null ? null : Arrays.asList(column.split(","));
    }
}
