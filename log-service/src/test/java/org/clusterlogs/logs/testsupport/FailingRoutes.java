package org.clusterlogs.logs.testsupport;

import io.quarkus.vertx.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.testing.TestOnlyFailure;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only routes that fail the way a library might: a stray {@link IllegalArgumentException}
 * on the event loop, a {@link NullPointerException} on a worker thread. Both must become a
 * generic 500. Hidden, so the served OpenAPI document stays the contract.
 */
public class FailingRoutes {

    public static final String BLOCKING_PATH = TestOnlyFailure.PATH + "-blocking";

    @Route(path = TestOnlyFailure.PATH, methods = Route.HttpMethod.GET)
    @Operation(hidden = true)
    void fail(RoutingContext rc) {
        throw new IllegalArgumentException(TestOnlyFailure.SECRET);
    }

    @Route(path = BLOCKING_PATH, methods = Route.HttpMethod.GET, type = Route.HandlerType.BLOCKING)
    @Operation(hidden = true)
    void failBlocking(RoutingContext rc) {
        throw new NullPointerException(TestOnlyFailure.SECRET);
    }
}
