package org.clusterlogs.auth.token;

import io.smallrye.jwt.util.KeyUtils;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** Public keys as PEM text (SubjectPublicKeyInfo), the form the store keeps them in. */
final class Pem {

    private Pem() {
    }

    static String publicKey(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    static RSAPublicKey parsePublicKey(String pem) {
        try {
            return (RSAPublicKey) KeyUtils.decodePublicKey(pem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored public key does not parse", e);
        }
    }
}
