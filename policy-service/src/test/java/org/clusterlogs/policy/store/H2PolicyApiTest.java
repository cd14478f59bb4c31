package org.clusterlogs.policy.store;

import io.quarkus.test.junit.QuarkusTest;

/** The policy API on the embedded H2 store (the default). */
@QuarkusTest
class H2PolicyApiTest extends PolicyApiSuite {
}
