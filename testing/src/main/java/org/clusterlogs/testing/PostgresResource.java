package org.clusterlogs.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real PostgreSQL ({@link PostgresServer}) for a {@code @QuarkusTest}, and the settings that
 * point the service's {@code postgresql} datasource at it. The init argument {@code store-key}
 * names the service's store switch ({@code auth.store}, {@code policy.store}), set to
 * {@code postgresql}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String storeKey;
    private PostgresServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        storeKey = initArgs.get("store-key");
        if (storeKey == null) {
            throw new IllegalArgumentException("PostgresResource needs the init argument store-key");
        }
    }

    @Override
    public Map<String, String> start() {
        server = PostgresServer.start();
        return Map.of(storeKey, "postgresql",
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
