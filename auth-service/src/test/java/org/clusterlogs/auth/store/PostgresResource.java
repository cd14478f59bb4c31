package org.clusterlogs.auth.store;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.clusterlogs.testing.PostgresServer;

import java.util.Map;

/** A real PostgreSQL for a {@code @QuarkusTest}, and the settings that point the service at it. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.start();
        return Map.of("auth.store", "postgresql",
                "quarkus.datasource.postgresql.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.postgresql.username", PostgresServer.USER,
                "quarkus.datasource.postgresql.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
