package org.clusterlogs.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Plain JDBC on the store's datasource: parameterised statements only, one short transaction per
 * call. The repositories are written against this, so the same code runs on H2 and PostgreSQL
 * (see {@link StoreSelection}).
 */
public final class Sql {

    /** SQLSTATE of a unique or primary key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    /** Transactions that may have written, counted once committed (see {@link #committedWrites}). */
    private final AtomicLong committedWrites = new AtomicLong();

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work inside one transaction, on its connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        return run(tx -> tx.list(sql, row, args), false);
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        return run(tx -> tx.one(sql, row, args), false);
    }

    /**
     * How many transactions that may have written this process has committed: a value read before
     * reading the store and still the same later means this process changed nothing in between
     * (another replica may have). Counted after the commit.
     */
    public long committedWrites() {
        return committedWrites.get();
    }

    public int update(String sql, Object... args) {
        return inTransaction(tx -> tx.update(sql, args));
    }

    /**
     * Inserts a row; false when a row with the same key exists already (another replica or
     * request was first). The insert runs in its own transaction, so the failure aborts nothing else.
     */
    public boolean insertIfAbsent(String sql, Object... args) {
        try {
            update(sql, args);
            return true;
        } catch (StoreException e) {
            if (isDuplicate(e.getCause())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * {@link #inTransaction}, run again (up to {@code attempts} times in all) when it fails on a
     * unique or primary key: another replica or request wrote the same key first, and the work
     * reads again what it builds on.
     */
    public <T> T inTransactionRetryingConflicts(int attempts, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (StoreException e) {
                if (!isDuplicate(e.getCause()) || attempt >= attempts) {
                    throw e;
                }
            }
        }
    }

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when it throws.
     * Counted as a write (see {@link #committedWrites}).
     */
    public <T> T inTransaction(Work<T> work) {
        return run(work, true);
    }

    private <T> T run(Work<T> work, boolean mayWrite) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(new Tx(c));
                c.commit();
                if (mayWrite) {
                    committedWrites.incrementAndGet();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Whether {@code e} is a unique or primary key violation (another replica or request was first). */
    public static boolean isDuplicate(Throwable e) {
        return e instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    /** Statements on one transaction's connection. */
    public static final class Tx {

        private final Connection connection;

        Tx(Connection connection) {
            this.connection = connection;
        }

        public <T> List<T> list(String sql, Row<T> row, Object... args) throws SQLException {
            try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                return out;
            }
        }

        public <T> Optional<T> one(String sql, Row<T> row, Object... args) throws SQLException {
            List<T> rows = list(sql, row, args);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }

        public boolean exists(String sql, Object... args) throws SQLException {
            return one(sql, rs -> Boolean.TRUE, args).isPresent();
        }

        public int update(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = prepare(sql, args)) {
                return ps.executeUpdate();
            }
        }

        private PreparedStatement prepare(String sql, Object... args) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(sql);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }
    }
}
