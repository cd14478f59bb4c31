package org.clusterlogs.discovery.merged;

import org.clusterlogs.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSelectorTest {

    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend", "app.kubernetes.io/part-of", "shop");

    @Test
    void equalityAndInequality() {
        assertTrue(LabelSelector.parse("app=web").test(WEB));
        assertTrue(LabelSelector.parse("app==web,tier=frontend").test(WEB));
        assertFalse(LabelSelector.parse("app=web,tier=backend").test(WEB));
        assertTrue(LabelSelector.parse("app!=db").test(WEB));
        assertTrue(LabelSelector.parse("team!=ops").test(WEB), "!= accepts a pod without the key, as in Kubernetes");
        assertTrue(LabelSelector.parse("app.kubernetes.io/part-of = shop").test(WEB));
    }

    @Test
    void setsAndExistence() {
        assertTrue(LabelSelector.parse("tier in (frontend, backend)").test(WEB));
        assertFalse(LabelSelector.parse("tier notin (frontend,backend)").test(WEB));
        assertTrue(LabelSelector.parse("team notin (ops)").test(WEB));
        assertFalse(LabelSelector.parse("team in (ops)").test(WEB));
        assertTrue(LabelSelector.parse("app,!team").test(WEB));
        assertFalse(LabelSelector.parse("app in (web),!tier").test(WEB));
    }

    @Test
    void whatIsReadAsASelector() {
        assertTrue(LabelSelector.looksLikeOne("app=web"));
        assertTrue(LabelSelector.looksLikeOne("tier in (a)"));
        assertFalse(LabelSelector.looksLikeOne("nginx"));
        assertFalse(LabelSelector.looksLikeOne("web-7d4b9"));
    }

    @Test
    void aMalformedSelectorIsBadParameter() {
        for (String bad : new String[] {"app=web,", "=web", "app in (a", "app in (a b)", "app=we b", "app=web,,tier=x"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> LabelSelector.parse(bad), bad);
            assertEquals(400, e.status());
            assertEquals("BadParameter", e.code());
        }
    }
}
