package org.clusterlogs.auth.token;

/**
 * A signing key as the database holds it: the private key encrypted, the public key in PEM, and
 * its schedule in epoch milliseconds. It signs from {@code activatesAt} until {@code retiresAt};
 * it is published from creation until its last token expired.
 */
public record StoredKey(String kid, String privateKeyEncrypted, String publicKeyPem, long createdAt, long activatesAt,
                        long retiresAt) {

    /** Its schedule only, for planning. */
    public KeySlot slot() {
        return new KeySlot(kid, activatesAt, retiresAt);
    }
}
