package org.clusterlogs.auth.login;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.store.Sql;

/**
 * The {@code jti} of every service-account login token that was used, kept in the database until
 * the token expires, so that a login token works once across all replicas.
 */
@ApplicationScoped
public class UsedLoginTokens {

    private final Sql sql;

    public UsedLoginTokens(Sql sql) {
        this.sql = sql;
    }

    /** Records the use; false when this uid's token with this jti was used before. */
    public boolean markUsed(String uid, String jti, long expiresAtMillis) {
        return sql.insertIfAbsent("INSERT INTO used_login_tokens (uid, jti, expires_at) VALUES (?, ?, ?)", uid, jti,
                expiresAtMillis);
    }

    /** Forgets the tokens that expired before {@code nowMillis}: they can no longer be replayed anyway. */
    public int forgetExpired(long nowMillis) {
        return sql.update("DELETE FROM used_login_tokens WHERE expires_at < ?", nowMillis);
    }
}
