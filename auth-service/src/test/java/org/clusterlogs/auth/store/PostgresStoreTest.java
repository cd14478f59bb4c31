package org.clusterlogs.auth.store;

import org.clusterlogs.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** {@link StoreSuite} on a real PostgreSQL server started for this class (fails when PostgreSQL is not installed). */
class PostgresStoreTest extends StoreSuite {

    private static PostgresServer server;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void database() {
        server = PostgresServer.start();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.jdbcUrl());
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        migrate(dataSource);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
