package org.clusterlogs.auth.token;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.security.VerificationKeys;

import java.security.PublicKey;
import java.util.Optional;

/**
 * auth-service's own answer to the shared security module's key lookup: the published keys of
 * the store, instead of fetching its own JWKS over HTTP (replaces service-security's default bean).
 */
@ApplicationScoped
public class StoreVerificationKeys implements VerificationKeys {

    private final SigningKeyRing keys;

    public StoreVerificationKeys(SigningKeyRing keys) {
        this.keys = keys;
    }

    @Override
    public Optional<PublicKey> byKid(String kid) {
        return keys.byKid(kid).map(SigningKeyRing.LoadedKey::publicKey);
    }
}
