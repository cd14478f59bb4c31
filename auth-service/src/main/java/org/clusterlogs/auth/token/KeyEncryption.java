package org.clusterlogs.auth.token;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clusterlogs.auth.config.AuthConfig;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing keys at rest with the key-encryption key of the configuration
 * ({@code auth.key-encryption-key}, base64 of 32 bytes): AES-256-GCM from the JDK, a random 96-bit
 * nonce per key, the kid as associated data (a stored key cannot be swapped under another kid).
 * Without the key the service does not start; the dev and test profiles set a well-known one, and
 * it is refused outside them.
 */
@ApplicationScoped
public class KeyEncryption {

    /** The well-known key of the dev and test profiles (application.properties). Never for a cluster. */
    static final String DEV_KEY = "ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYiE=";

    private static final Logger LOG = Logger.getLogger(KeyEncryption.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public KeyEncryption(AuthConfig config) {
        this(config.keyEncryptionKey().orElseThrow(() -> new IllegalStateException(
                "auth.key-encryption-key is required (base64 of 32 random bytes, e.g. `openssl rand -base64 32`; "
                        + "env AUTH_KEY_ENCRYPTION_KEY): it encrypts the token signing keys in the database")),
                LaunchMode.current());
    }

    KeyEncryption(String base64Key, LaunchMode mode) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new IllegalStateException("auth.key-encryption-key must be base64 of exactly 32 bytes");
        }
        if (base64Key.trim().equals(DEV_KEY)) {
            if (mode == LaunchMode.NORMAL) {
                throw new IllegalStateException("auth.key-encryption-key is the well-known development key: "
                        + "set a secret one (openssl rand -base64 32)");
            }
            LOG.warn("auth.key-encryption-key is the WELL-KNOWN DEVELOPMENT KEY: signing keys in the database are "
                    + "not protected. Dev and test profiles only.");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** base64(nonce || ciphertext || tag). */
    public String encrypt(byte[] plain, String kid) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, plain, kid);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                .put(sealed).array());
    }

    public byte[] decrypt(String stored, String kid) {
        byte[] all = Base64.getDecoder().decode(stored);
        byte[] nonce = Arrays.copyOfRange(all, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return run(Cipher.DECRYPT_MODE, nonce, sealed, kid);
    }

    private byte[] run(int mode, byte[] nonce, byte[] input, String kid) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " signing key " + kid + " (is auth.key-encryption-key the one it was stored with?)", e);
        }
    }
}
