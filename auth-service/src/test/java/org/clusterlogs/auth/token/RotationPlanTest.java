package org.clusterlogs.auth.token;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key schedule: first key, next key published before it signs, old key kept until its tokens expired. */
class RotationPlanTest {

    private static final long PERIOD = 1_000;
    private static final long AHEAD = 200;
    private static final long KEEP = 300;
    private final RotationPlan plan = new RotationPlan(PERIOD, AHEAD, KEEP);

    @Test
    void theFirstKeyIsAlignedToThePeriodSoReplicasAgree() {
        assertEquals(Optional.of(new KeySlot(null, 5_000, 6_000)), plan.due(List.of(), 5_432));
        assertEquals(plan.due(List.of(), 5_432), plan.due(List.of(), 5_999), "the same slot for a racing replica");
    }

    @Test
    void theNextKeyIsCreatedPublishAheadBeforeTheSignerRetiresAndSignsFromThen() {
        List<KeySlot> keys = new ArrayList<>(List.of(new KeySlot("a", 5_000, 6_000)));
        assertEquals(Optional.empty(), plan.due(keys, 5_799));
        Optional<KeySlot> next = plan.due(keys, 5_800);
        assertEquals(Optional.of(new KeySlot(null, 6_000, 7_000)), next);
        keys.add(new KeySlot("b", 6_000, 7_000));
        assertEquals(Optional.empty(), plan.due(keys, 5_900), "one next key only");

        assertEquals("a", plan.signer(keys, 5_999).orElseThrow().kid(), "b is published, not yet signing");
        assertTrue(plan.published(keys.get(1), 5_900));
        assertEquals("b", plan.signer(keys, 6_000).orElseThrow().kid());
    }

    @Test
    void aRetiredKeyStaysPublishedUntilItsLastTokenExpired() {
        KeySlot old = new KeySlot("a", 5_000, 6_000);
        assertTrue(plan.published(old, 6_000));
        assertTrue(plan.published(old, 6_299));
        assertFalse(plan.published(old, 6_300));
    }

    @Test
    void afterAnOutageANewKeySignsAtOnce() {
        List<KeySlot> keys = List.of(new KeySlot("a", 5_000, 6_000));
        assertEquals(Optional.empty(), plan.signer(keys, 9_500));
        assertEquals(Optional.of(new KeySlot(null, 9_000, 10_000)), plan.due(keys, 9_500));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RotationPlan(100, 100, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RotationPlan(0, 0, 0));
    }
}
