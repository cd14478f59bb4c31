package org.clusterlogs.security.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteRulesTest {

    private final RouteRules rules = new RouteRules(List.of("/q/health", "/q/health/*", "/q/openapi"), Map.of(
            "logs", new RouteRules.Route(List.of("/system/v1/logs/*", "/files/*"),
                    List.of("dcos:adminrouter:ops:system-logs full")),
            "agent", new RouteRules.Route(List.of("/system/v1/agent/*"),
                    List.of("dcos:adminrouter:ops:system-logs full", "dcos:adminrouter:system:agent FULL")),
            "open-logs-v3", new RouteRules.Route(List.of("/system/v1/logs/v3"), List.of())));

    @Test
    void longestPatternWins() {
        assertEquals("logs", rules.match("/system/v1/logs/v2/component").name());
        assertEquals("logs", rules.match("/system/v1/logs").name());
        assertEquals("logs", rules.match("/files/read").name());
        assertEquals("open-logs-v3", rules.match("/system/v1/logs/v3").name());
        assertEquals("logs", rules.match("/system/v1/logs/v3/x").name());
        RouteRules.Rule agent = rules.match("/system/v1/agent/a1/logs/v2/component");
        assertEquals(List.of(new RouteRules.Permission("dcos:adminrouter:ops:system-logs", "full"),
                new RouteRules.Permission("dcos:adminrouter:system:agent", "full")), agent.anyOf());
    }

    @Test
    void publicPathsAndTheRest() {
        assertTrue(rules.match("/q/health").open());
        assertTrue(rules.match("/q/health/ready").open());
        assertTrue(rules.match("/q/openapi").open());
        assertEquals(RouteRules.AUTHENTICATED, rules.match("/q/openapi/x"));
        assertEquals(RouteRules.AUTHENTICATED, rules.match("/q/healthz"));
        assertEquals(RouteRules.AUTHENTICATED, rules.match("/system/v1/logsx"));
        assertEquals(RouteRules.AUTHENTICATED, rules.match("/"));
    }

    @Test
    void aStarSegmentInsideAPatternStandsForAnyOneSegment() {
        RouteRules iam = new RouteRules(List.of("/acs/api/v1/auth/login"), Map.of(
                "iam", new RouteRules.Route(List.of("/acs/api/v1/*"), List.of("dcos:adminrouter:acs full")),
                "own", new RouteRules.Route(List.of("/acs/api/v1/users/*/permissions"), List.of())));
        assertEquals("own", iam.match("/acs/api/v1/users/alice/permissions").name());
        assertEquals("iam", iam.match("/acs/api/v1/users/alice").name());
        assertEquals("iam", iam.match("/acs/api/v1/users/alice/permissions/x").name());
        assertEquals("iam", iam.match("/acs/api/v1/users//permissions").name(), "an empty segment is no uid");
        assertTrue(iam.match("/acs/api/v1/auth/login").open());
        assertEquals("iam", iam.match("/acs/api/v1/auth/login/x").name());
    }

    @Test
    void configurationMistakesFailAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new RouteRules(List.of("q/health"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new RouteRules(List.of("/q/he*/x"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new RouteRules(List.of("/q/health*"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new RouteRules(List.of(), Map.of("x",
                new RouteRules.Route(List.of("/x"), List.of("dcos:adminrouter:ops:system-logs")))));
        assertThrows(IllegalArgumentException.class, () -> new RouteRules(List.of(), Map.of("x",
                new RouteRules.Route(List.of("/x"), List.of("dcos:adminrouter:ops:system-logs all")))));
    }
}
