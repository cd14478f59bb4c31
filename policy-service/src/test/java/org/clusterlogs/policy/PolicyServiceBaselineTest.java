package org.clusterlogs.policy;

import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.testing.ServiceBaselineTests;

/** policy-service's HTTP baseline: service info, health, metrics, problem JSON, OpenAPI contract. */
@QuarkusTest
class PolicyServiceBaselineTest extends ServiceBaselineTests {

    PolicyServiceBaselineTest() {
        super("policy-service", "0.1.0", "skeleton:");
    }
}
