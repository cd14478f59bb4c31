package org.clusterlogs.security.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.security.AuthUnavailableException;
import org.clusterlogs.security.client.Acs;
import org.clusterlogs.security.config.AuthConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * This service's own access token, for its calls to auth-service: got by logging in as the
 * service account ({@code auth.service-account.uid}) with a short RS256 login token signed by
 * its private key ({@code auth.service-account.private-key}), and renewed when three quarters of
 * its life are over, before it expires. Concurrent callers share one login.
 */
@ApplicationScoped
public class ServiceAccountToken {

    private static final Logger LOG = Logger.getLogger(ServiceAccountToken.class);
    /** auth-service accepts login tokens at most 10 minutes ahead; stay well within. */
    private static final Duration LOGIN_TOKEN_LIFETIME = Duration.ofMinutes(2);

    private final Acs acs;
    private final AuthConfig config;
    private final ObjectMapper json;

    private volatile Issued current;
    /** The login under way, shared by everybody who needs the token meanwhile; guarded by this. */
    private Uni<Issued> renewal;
    private PrivateKey privateKey;

    public ServiceAccountToken(Acs acs, AuthConfig config, ObjectMapper json) {
        this.acs = acs;
        this.config = config;
        this.json = json;
    }

    /** The {@code Authorization} value for a call to auth-service: {@code token=<jwt>}. */
    public Uni<String> authorization() {
        Issued issued = current;
        if (issued != null && Instant.now().isBefore(issued.renewAt())) {
            return Uni.createFrom().item("token=" + issued.token());
        }
        return renewal().map(i -> "token=" + i.token());
    }

    /** Forgets the token, after auth-service refused it: the next call logs in again. */
    public void forget() {
        current = null;
    }

    private synchronized Uni<Issued> renewal() {
        if (renewal == null) {
            renewal = Uni.createFrom().deferred(this::login)
                    .invoke(issued -> current = issued)
                    .eventually(this::renewalOver)
                    .memoize().indefinitely();
        }
        return renewal;
    }

    private synchronized void renewalOver() {
        renewal = null;
    }

    private Uni<Issued> login() {
        String uid = config.serviceAccount().uid().orElseThrow(() -> new AuthUnavailableException(
                "this service has no service account (auth.service-account.uid) to ask auth-service with"));
        String loginToken;
        try {
            loginToken = Jwt.claims()
                    .claim("uid", uid)
                    .issuedAt(Instant.now())
                    .expiresIn(LOGIN_TOKEN_LIFETIME)
                    .claim("jti", UUID.randomUUID().toString())
                    .jws().algorithm(SignatureAlgorithm.RS256)
                    .sign(privateKey());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.errorf("cannot sign the service account's login token: %s", e.toString());
            return Uni.createFrom().failure(new AuthUnavailableException("this service cannot log in to auth-service"));
        }
        return acs.login(uid, loginToken).map(this::issued);
    }

    private synchronized PrivateKey privateKey() throws IOException, GeneralSecurityException {
        if (privateKey == null) {
            String location = config.serviceAccount().privateKey().orElseThrow(() -> new IllegalStateException(
                    "auth.service-account.private-key is not set"));
            privateKey = KeyUtils.decodePrivateKey(Files.readString(Path.of(location)));
        }
        return privateKey;
    }

    /** When to renew: the token's own {@code exp}, read from auth-service's answer (no need to verify our own copy). */
    private Issued issued(String token) {
        Instant now = Instant.now();
        Instant exp;
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            exp = Instant.ofEpochSecond(claims.path("exp").asLong(now.getEpochSecond() + 60));
        } catch (IOException | RuntimeException e) {
            exp = now.plusSeconds(60);
        }
        Duration life = Duration.between(now, exp);
        return new Issued(token, now.plus(life.multipliedBy(3).dividedBy(4)));
    }

    private record Issued(String token, Instant renewAt) {
    }
}
