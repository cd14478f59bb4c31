package org.clusterlogs.auth;

import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.testing.JaxRsServiceBaselineTests;

/** auth-service's HTTP baseline: service info, health, metrics, problem JSON, OpenAPI contract. */
@QuarkusTest
class AuthServiceBaselineTest extends JaxRsServiceBaselineTests {

    AuthServiceBaselineTest() {
        super("auth-service", "0.1.0", "iam:");
    }
}
