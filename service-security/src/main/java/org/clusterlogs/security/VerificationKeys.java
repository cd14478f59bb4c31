package org.clusterlogs.security;

import java.security.PublicKey;
import java.util.Optional;

/**
 * The public keys that verify the suite's access tokens, by the {@code kid} of a token's header.
 * Every service but auth-service reads them from auth-service's JWKS; auth-service answers from
 * its own key store.
 */
public interface VerificationKeys {

    /** The key published under {@code kid}, or empty when no such key is (or is any longer) published. */
    Optional<PublicKey> byKid(String kid);
}
