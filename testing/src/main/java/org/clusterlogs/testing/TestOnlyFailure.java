package org.clusterlogs.testing;

/**
 * Where a service under test serves its test-only route that fails unexpectedly, and the
 * message it fails with, which must never reach the client. JAX-RS services get the route from
 * {@link FailingResource}; a service on another HTTP stack adds its own in its test sources.
 */
public final class TestOnlyFailure {

    public static final String PATH = "/test-only/fail";
    public static final String SECRET = "internal detail that must not leak";

    private TestOnlyFailure() {
    }
}
