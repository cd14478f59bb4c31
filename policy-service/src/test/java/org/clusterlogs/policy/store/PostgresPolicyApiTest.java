package org.clusterlogs.policy.store;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.clusterlogs.testing.PostgresResource;

import java.util.List;
import java.util.Map;

/**
 * The policy API on a real PostgreSQL ({@code policy.store=postgresql}; fails when PostgreSQL is
 * not installed: {@code apt-get install -y postgresql}).
 */
@QuarkusTest
@TestProfile(PostgresPolicyApiTest.OnPostgres.class)
class PostgresPolicyApiTest extends PolicyApiSuite {

    /** Its own profile, so the PostgreSQL-backed app starts for this class only. */
    public static class OnPostgres implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class, Map.of("store-key", "policy.store")));
        }
    }
}
