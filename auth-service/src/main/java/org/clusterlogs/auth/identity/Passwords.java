package org.clusterlogs.auth.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.api.IamException;
import org.clusterlogs.auth.config.AuthConfig;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Password rules and bcrypt (Quarkus' {@link BcryptUtil}). bcrypt reads at most 72 bytes, so a
 * longer password is refused rather than silently cut. A login for an unknown user still runs one
 * verification against a dummy hash of the same cost, so the answer takes as long as a wrong password.
 */
@ApplicationScoped
public class Passwords {

    static final int MAX_BYTES = 72;

    private final int cost;
    private final int minLength;
    private final String dummyHash;

    public Passwords(AuthConfig config) {
        this.cost = config.password().bcryptCost();
        this.minLength = config.password().minLength();
        this.dummyHash = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), cost);
    }

    /** The hash to store, or a 400 {@code ERR_INVALID_DATA} when the password breaks the rules. */
    public String hash(String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new IamException(400, "ERR_INVALID_DATA", "password must have at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IamException(400, "ERR_INVALID_DATA", "password must have at most " + MAX_BYTES + " bytes (UTF-8)");
        }
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        if (hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            burn(password);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    /** Spends one verification's time for nothing: the unknown-user path of a login. */
    public void burn(String password) {
        BcryptUtil.matches(password == null ? "" : password, dummyHash);
    }
}
