package org.clusterlogs.discovery.index;

import java.time.Instant;

/**
 * How one source of the index is doing, for readiness, metrics and the log.
 *
 * @param snapshot the last good snapshot; null before the first
 * @param loadedAt when it was taken; null before the first
 * @param failures refreshes failed in a row since then
 * @param error    why the last refresh failed; null after a good one
 */
public record SourceStatus(SourceSnapshot snapshot, Instant loadedAt, int failures, String error) {

    static final SourceStatus EXPECTED = new SourceStatus(null, null, 0, null);

    public boolean loaded() {
        return snapshot != null;
    }

    SourceStatus loaded(SourceSnapshot next, Instant at) {
        return new SourceStatus(next, at, 0, null);
    }

    SourceStatus failed(String reason) {
        return new SourceStatus(snapshot, loadedAt, failures + 1, reason);
    }
}
