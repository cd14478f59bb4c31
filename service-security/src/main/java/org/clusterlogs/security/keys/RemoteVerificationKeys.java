package org.clusterlogs.security.keys;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clusterlogs.security.AuthUnavailableException;
import org.clusterlogs.security.VerificationKeys;
import org.clusterlogs.security.config.AuthConfig;
import org.jboss.logging.Logger;
import org.jose4j.http.Get;
import org.jose4j.http.SimpleResponse;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * auth-service's signing keys, read from its JWKS ({@code ${auth.url}/acs/api/v1/auth/jwks}).
 * Fetched on first use, again when older than {@code auth.jwks.refresh-interval} (retired keys
 * go, announced ones arrive), and at once for a {@code kid} not seen yet, at most once per
 * {@code auth.jwks.min-refetch-interval}: a flood of tokens with made-up {@code kid}s costs
 * auth-service one request per interval. Only RSA signing keys for RS256 are taken.
 * auth-service itself replaces this bean with its own key store.
 */
@DefaultBean
@ApplicationScoped
public class RemoteVerificationKeys implements VerificationKeys {

    static final String PATH = "/acs/api/v1/auth/jwks";
    private static final Logger LOG = Logger.getLogger(RemoteVerificationKeys.class);
    private static final int TIMEOUT_MS = 5000;

    private final String location;
    private final long refreshNanos;
    private final long minRefetchNanos;
    private final Get http = new Get();

    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long fetchedNanos;
    /** When the last fetch was tried, successful or not; guarded by this. */
    private long triedNanos;
    private boolean everTried;
    private boolean lastFailed;

    @Inject
    public RemoteVerificationKeys(AuthConfig config) {
        this(config.url(), config.jwks().refreshInterval(), config.jwks().minRefetchInterval());
    }

    public RemoteVerificationKeys(String authUrl, Duration refreshInterval, Duration minRefetchInterval) {
        this.location = authUrl.replaceAll("/+$", "") + PATH;
        this.refreshNanos = refreshInterval.toNanos();
        this.minRefetchNanos = minRefetchInterval.toNanos();
        http.setConnectTimeout(TIMEOUT_MS);
        http.setReadTimeout(TIMEOUT_MS);
        http.setRetries(0); // a request waits on this fetch: one try, the rate limit decides when the next comes
    }

    @Override
    public Optional<PublicKey> byKid(String kid) {
        PublicKey key = keys.get(kid);
        if (key != null && System.nanoTime() - fetchedNanos < refreshNanos) {
            return Optional.of(key);
        }
        boolean unavailable = refetch();
        key = keys.get(kid);
        if (key == null && unavailable) {
            // not known, and auth-service cannot be asked: nobody can tell whether the token is good
            throw new AuthUnavailableException("the keys that verify tokens cannot be read from auth-service");
        }
        return Optional.ofNullable(key);
    }

    /** Fetches the keys unless the last try is too recent; true when the keys may be stale (the last try failed). */
    private synchronized boolean refetch() {
        long now = System.nanoTime();
        if (everTried && now - triedNanos < minRefetchNanos) {
            return lastFailed;
        }
        everTried = true;
        triedNanos = now;
        try {
            keys = fetch();
            fetchedNanos = now;
            lastFailed = false;
        } catch (IOException | JoseException | RuntimeException e) {
            lastFailed = true;
            LOG.warnf("fetching the JWKS from %s failed (%s); keeping the %d keys known", location, e.toString(),
                    keys.size());
        }
        return lastFailed;
    }

    private Map<String, PublicKey> fetch() throws IOException, JoseException {
        SimpleResponse response = http.get(location);
        if (response.getStatusCode() != 200) {
            throw new IOException("status " + response.getStatusCode());
        }
        Map<String, PublicKey> found = new HashMap<>();
        for (JsonWebKey jwk : new JsonWebKeySet(response.getBody()).getJsonWebKeys()) {
            boolean forSigning = jwk.getUse() == null || "sig".equals(jwk.getUse());
            boolean rs256 = jwk.getAlgorithm() == null || "RS256".equals(jwk.getAlgorithm());
            if (jwk instanceof RsaJsonWebKey rsa && jwk.getKeyId() != null && forSigning && rs256) {
                found.put(jwk.getKeyId(), rsa.getRsaPublicKey());
            }
        }
        if (!found.keySet().equals(keys.keySet())) {
            LOG.infof("verification keys from %s: %s", location, found.keySet());
        }
        return Map.copyOf(found);
    }
}
