package org.clusterlogs.auth.decision;

import org.clusterlogs.auth.acl.Ace;
import org.clusterlogs.auth.acl.Action;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision rule of the contract, case by case. */
class DecisionRuleTest {

    private static final String RID = "dcos:adminrouter:ops:system-logs";

    private static Ace user(String rid, Action action) {
        return new Ace(rid, Ace.Principal.USER, "u", action);
    }

    private static Ace group(String rid, Action action) {
        return new Ace(rid, Ace.Principal.GROUP, "g", action);
    }

    @Test
    void anUnknownUserIsDeniedWhateverTheGrants() {
        Decision d = DecisionRule.decide(false, List.of(user("dcos:superuser", Action.FULL)), RID, Action.FULL);
        assertFalse(d.allowed());
        assertEquals("unknown user", d.reason());
    }

    @Test
    void anyActionOnSuperuserAllowsEverything() {
        for (Action a : Action.values()) {
            assertTrue(DecisionRule.decide(true, List.of(user("dcos:superuser", a)), RID, Action.DELETE).allowed());
            assertTrue(DecisionRule.decide(true, List.of(group("dcos:superuser", a)), "x:y", Action.FULL).allowed());
        }
    }

    @Test
    void theActionOrFullOnExactlyTheRid() {
        assertTrue(DecisionRule.decide(true, List.of(user(RID, Action.READ)), RID, Action.READ).allowed());
        assertTrue(DecisionRule.decide(true, List.of(user(RID, Action.FULL)), RID, Action.READ).allowed());
        assertTrue(DecisionRule.decide(true, List.of(group(RID, Action.FULL)), RID, Action.DELETE).allowed());
        assertFalse(DecisionRule.decide(true, List.of(user(RID, Action.READ)), RID, Action.FULL).allowed(),
                "read does not make full");
        assertFalse(DecisionRule.decide(true, List.of(user(RID, Action.READ)), RID, Action.UPDATE).allowed());
        assertFalse(DecisionRule.decide(true, List.of(user(RID + ":sub", Action.FULL)), RID, Action.FULL).allowed(),
                "no hierarchy: a narrower rid does not bear");
        assertFalse(DecisionRule.decide(true, List.of(user("dcos:adminrouter:ops", Action.FULL)), RID, Action.FULL)
                .allowed(), "no hierarchy: a wider rid does not bear");
        assertFalse(DecisionRule.decide(true, List.of(), RID, Action.READ).allowed());
    }

    @Test
    void theReasonSaysWhy() {
        assertEquals("granted full on the rid through group g",
                DecisionRule.decide(true, List.of(group(RID, Action.FULL)), RID, Action.READ).reason());
        assertEquals("superuser",
                DecisionRule.decide(true, List.of(user("dcos:superuser", Action.READ)), RID, Action.READ).reason());
        assertEquals("no grant", DecisionRule.decide(true, List.of(), RID, Action.READ).reason());
    }
}
