package org.clusterlogs.auth.token;

/** When a signing key signs: from {@code activatesAt} (inclusive) to {@code retiresAt}, epoch milliseconds. */
public record KeySlot(String kid, long activatesAt, long retiresAt) {
}
