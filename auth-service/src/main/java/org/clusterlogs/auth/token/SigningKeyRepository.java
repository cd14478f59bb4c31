package org.clusterlogs.auth.token;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.store.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The token signing keys every replica shares ({@code signing_keys}). */
@ApplicationScoped
public class SigningKeyRepository {

    private final Sql sql;

    public SigningKeyRepository(Sql sql) {
        this.sql = sql;
    }

    public List<StoredKey> all() {
        return sql.list("SELECT kid, private_key_enc, public_key, created_at, activates_at, retires_at FROM signing_keys "
                + "ORDER BY activates_at", SigningKeyRepository::key);
    }

    /** False when a key with the same kid or the same activation time exists (another replica made it first). */
    public boolean insert(StoredKey key) {
        return sql.insertIfAbsent("INSERT INTO signing_keys (kid, private_key_enc, public_key, created_at, activates_at, "
                        + "retires_at) VALUES (?, ?, ?, ?, ?, ?)", key.kid(), key.privateKeyEncrypted(), key.publicKeyPem(),
                key.createdAt(), key.activatesAt(), key.retiresAt());
    }

    public int delete(String kid) {
        return sql.update("DELETE FROM signing_keys WHERE kid = ?", kid);
    }

    static StoredKey key(ResultSet rs) throws SQLException {
        return new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }
}
