package org.clusterlogs.auth.token;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When signing keys sign, are published and are dropped: a pure function of the stored schedule
 * and the clock, so every replica reaches the same conclusions from the same rows.
 * <ul>
 *   <li>The signer is the key with the latest activation at or before now that has not retired.</li>
 *   <li>The next key is created {@code publishAhead} before the signer retires and activates exactly
 *       when it retires, so verifiers see it in the JWKS before any token carries its kid. Replicas
 *       compute the same activation time, and the store keeps one key per activation time.</li>
 *   <li>Without a signer (first start, or a long outage) a key for the current period is created
 *       at once, its activation aligned to the period so concurrent replicas agree.</li>
 *   <li>A key stays published until {@code keepAfter} (token lifetime plus clock skew) after it
 *       retired: its last token has expired by then. After that it is deleted.</li>
 * </ul>
 *
 * @param period       how long a key signs
 * @param publishAhead how long before it signs a key is published
 * @param keepAfter    how long after it stops signing a key stays published
 */
public record RotationPlan(long period, long publishAhead, long keepAfter) {

    public RotationPlan {
        if (period <= 0 || publishAhead < 0 || publishAhead >= period || keepAfter < 0) {
            throw new IllegalArgumentException("key rotation needs period > publish-ahead >= 0, got period " + period
                    + " ms, publish-ahead " + publishAhead + " ms");
        }
    }

    public Optional<KeySlot> signer(List<KeySlot> keys, long now) {
        return keys.stream().filter(k -> k.activatesAt() <= now && now < k.retiresAt())
                .max(Comparator.comparingLong(KeySlot::activatesAt));
    }

    /** The schedule of the key to create now (its kid unset), if one is due. */
    public Optional<KeySlot> due(List<KeySlot> keys, long now) {
        Optional<KeySlot> signer = signer(keys, now);
        if (signer.isEmpty()) {
            long start = Math.floorDiv(now, period) * period;
            boolean taken = keys.stream().anyMatch(k -> k.activatesAt() == start);
            long activates = taken ? now : start;
            return Optional.of(new KeySlot(null, activates, activates + period));
        }
        KeySlot current = signer.get();
        boolean nextExists = keys.stream().anyMatch(k -> k.activatesAt() > current.activatesAt());
        if (nextExists || now < current.retiresAt() - publishAhead) {
            return Optional.empty();
        }
        return Optional.of(new KeySlot(null, current.retiresAt(), current.retiresAt() + period));
    }

    /** Whether the key is in the JWKS now: from its creation until its last token has expired. */
    public boolean published(KeySlot key, long now) {
        return now < key.retiresAt() + keepAfter;
    }
}
