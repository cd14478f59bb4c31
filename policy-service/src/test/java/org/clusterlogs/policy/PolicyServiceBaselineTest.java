package org.clusterlogs.policy;

import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.testing.JaxRsServiceBaselineTests;

/** policy-service's HTTP baseline: service info, health, metrics, problem JSON, OpenAPI contract. */
@QuarkusTest
class PolicyServiceBaselineTest extends JaxRsServiceBaselineTests {

    PolicyServiceBaselineTest() {
        super("policy-service", "0.1.0", "MessageLogging policies:");
    }
}
