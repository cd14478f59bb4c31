package org.clusterlogs.auth.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import javax.sql.DataSource;

/** {@link StoreSuite} on the embedded H2 file database, with the service's URL settings. */
class H2StoreTest extends StoreSuite {

    @TempDir
    static Path dir;
    private static JdbcDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("auth") + ";WRITE_DELAY=0");
        dataSource.setUser("auth");
        migrate(dataSource);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
