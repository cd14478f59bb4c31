package org.clusterlogs.auth.identity;

import io.smallrye.jwt.util.KeyUtils;
import org.clusterlogs.auth.api.IamException;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

/** Service-account public keys: RSA, at least 2048 bits, PEM SubjectPublicKeyInfo. */
public final class PublicKeys {

    static final int MIN_BITS = 2048;

    private PublicKeys() {
    }

    /** The key, or a 400 {@code ERR_INVALID_PUBLIC_KEY}. */
    public static RSAPublicKey parse(String pem) {
        PublicKey key;
        try {
            key = pem == null || !pem.contains("-----BEGIN PUBLIC KEY-----") ? null : KeyUtils.decodePublicKey(pem);
        } catch (Exception e) {
            key = null;
        }
        if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_BITS) {
            throw new IamException(400, "ERR_INVALID_PUBLIC_KEY",
                    "public_key must be an RSA public key of at least " + MIN_BITS + " bits in PEM (BEGIN PUBLIC KEY)");
        }
        return rsa;
    }
}
