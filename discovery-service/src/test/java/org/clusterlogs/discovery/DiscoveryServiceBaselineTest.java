package org.clusterlogs.discovery;

import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.testing.ServiceBaselineTests;

/** discovery-service's HTTP baseline: service info, health, metrics, problem JSON, OpenAPI contract. */
@QuarkusTest
class DiscoveryServiceBaselineTest extends ServiceBaselineTests {

    DiscoveryServiceBaselineTest() {
        super("discovery-service", "0.1.0", "skeleton:");
    }
}
