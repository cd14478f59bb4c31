package org.clusterlogs.auth;

import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.testing.ServiceBaselineTests;

/** auth-service's HTTP baseline: service info, health, metrics, problem JSON, OpenAPI contract. */
@QuarkusTest
class AuthServiceBaselineTest extends ServiceBaselineTests {

    AuthServiceBaselineTest() {
        super("auth-service", "0.1.0", "skeleton:");
    }
}
