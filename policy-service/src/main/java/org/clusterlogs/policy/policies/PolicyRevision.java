package org.clusterlogs.policy.policies;

import java.time.Instant;

/**
 * One stored revision of a policy: the document exactly as it was accepted.
 *
 * @param createdBy the uid that stored it, or null when authentication is off
 */
public record PolicyRevision(String name, int revision, String xml, Instant createdAt, String createdBy) {
}
