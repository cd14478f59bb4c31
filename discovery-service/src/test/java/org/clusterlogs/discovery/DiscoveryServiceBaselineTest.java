package org.clusterlogs.discovery;

import io.quarkus.test.junit.QuarkusTest;
import org.clusterlogs.testing.JaxRsServiceBaselineTests;

/** discovery-service's HTTP baseline: service info, health, metrics, problem JSON, OpenAPI contract. */
@QuarkusTest
class DiscoveryServiceBaselineTest extends JaxRsServiceBaselineTests {

    DiscoveryServiceBaselineTest() {
        super("discovery-service", "0.1.0", "task index");
    }
}
