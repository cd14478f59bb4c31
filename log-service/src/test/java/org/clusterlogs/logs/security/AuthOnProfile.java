package org.clusterlogs.logs.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.clusterlogs.testing.auth.FakeAuthServer;

import java.util.List;

/** log-service with authentication on, against {@link FakeAuthServer} on a loopback port. */
public class AuthOnProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeAuthServer.class));
    }
}
