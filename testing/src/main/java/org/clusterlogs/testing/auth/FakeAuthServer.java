package org.clusterlogs.testing.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A small auth-service on a real loopback socket, for the security tests: a JWKS of keys the
 * test generated, a service-account login that checks the login token's signature, and a policy
 * query whose decisions the test sets (the contract's rule: a grant of the action or of
 * {@code full} on exactly the rid, or any grant on {@code dcos:superuser}). The policy query
 * asks for the service's own token, like the real one. {@link #down} makes it drop every
 * connection, as an unreachable auth-service would.
 */
public class FakeAuthServer implements QuarkusTestResourceLifecycleManager {

    /** The service account of the service under test, which alone may log in and ask the policy query. */
    public static volatile String serviceUid = "log-service";
    public static final String ISSUER = "clusterlogs-auth";

    /** Published keys by kid; tokens are signed with {@link #signingKid} unless a test says otherwise. */
    public static final Map<String, KeyPair> PUBLISHED = new ConcurrentHashMap<>();
    public static volatile String signingKid;
    /** {@code "<uid> <rid> <action>"} grants. */
    public static final Set<String> GRANTS = ConcurrentHashMap.newKeySet();
    public static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    public static final AtomicInteger POLICY_QUERIES = new AtomicInteger();
    public static final AtomicInteger LOGINS = new AtomicInteger();
    public static volatile boolean down;

    private static KeyPair serviceAccount;
    private static Vertx vertx;
    private static Path keyDir;

    @Override
    public void init(Map<String, String> initArgs) {
        serviceUid = initArgs.getOrDefault("service-uid", "log-service");
    }

    @Override
    public Map<String, String> start() {
        try {
            signingKid = "k1";
            PUBLISHED.put(signingKid, newKeyPair());
            serviceAccount = newKeyPair();
            keyDir = Files.createTempDirectory("sa-key-");
            Path pem = keyDir.resolve("service-account.pem");
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(serviceAccount.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            vertx = Vertx.vertx();
            HttpServer server = vertx.createHttpServer().requestHandler(FakeAuthServer::handle)
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return Map.of(
                    "auth.enabled", "true",
                    "auth.url", "http://127.0.0.1:" + server.actualPort(),
                    "auth.service-account.uid", serviceUid,
                    "auth.service-account.private-key", pem.toString(),
                    "auth.stream-recheck", "1s",
                    "auth.jwks.min-refetch-interval", "3s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
        try {
            Files.deleteIfExists(keyDir.resolve("service-account.pem"));
            Files.deleteIfExists(keyDir);
        } catch (IOException e) {
            // a temporary directory
        }
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key tokens are signed with. */
    public static KeyPair signingKey() {
        return PUBLISHED.get(signingKid);
    }

    private static void handle(HttpServerRequest request) {
        if (down) {
            request.connection().close();
            return;
        }
        switch (request.path()) {
            case "/acs/api/v1/auth/jwks" -> jwks(request);
            case "/acs/api/v1/auth/login" -> request.body().onSuccess(body -> login(request, body.toJsonObject()));
            case "/acs/api/v1/internal/policyquery" -> policyQuery(request);
            default -> request.response().setStatusCode(404).end();
        }
    }

    private static void jwks(HttpServerRequest request) {
        JWKS_FETCHES.incrementAndGet();
        JsonArray keys = new JsonArray();
        PUBLISHED.forEach((kid, pair) -> {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
            jwk.setKeyId(kid);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            keys.add(new JsonObject(jwk.toJson(PublicJsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        });
        json(request, 200, new JsonObject().put("keys", keys));
    }

    private static void login(HttpServerRequest request, JsonObject body) {
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKey(serviceAccount.getPublic())
                    .setRequireExpirationTime()
                    .setMaxFutureValidityInMinutes(10)
                    .build().processToClaims(body.getString("token"));
            if (!serviceUid.equals(body.getString("uid")) || !serviceUid.equals(claims.getStringClaimValue("uid"))) {
                json(request, 401, new JsonObject().put("code", "ERR_INVALID_CREDENTIALS"));
                return;
            }
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            json(request, 401, new JsonObject().put("code", "ERR_INVALID_CREDENTIALS"));
            return;
        }
        LOGINS.incrementAndGet();
        json(request, 200, new JsonObject().put("token", TestTokens.valid(serviceUid)));
    }

    private static void policyQuery(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        String caller = null;
        if (authorization != null && authorization.startsWith("token=")) {
            try {
                caller = new JwtConsumerBuilder().setVerificationKey(signingKey().getPublic())
                        .setExpectedIssuer(ISSUER).build()
                        .processToClaims(authorization.substring(6)).getStringClaimValue("uid");
            } catch (InvalidJwtException | MalformedClaimException e) {
                caller = null;
            }
        }
        if (caller == null) {
            json(request, 401, new JsonObject().put("code", "ERR_INVALID_TOKEN"));
            return;
        }
        if (!serviceUid.equals(caller)) {
            json(request, 403, new JsonObject().put("code", "ERR_FORBIDDEN"));
            return;
        }
        POLICY_QUERIES.incrementAndGet();
        String uid = request.getParam("uid");
        String rid = request.getParam("rid");
        String action = request.getParam("action");
        boolean superuser = GRANTS.stream().anyMatch(g -> g.startsWith(uid + " dcos:superuser "));
        boolean allowed = superuser || GRANTS.contains(uid + " " + rid + " " + action)
                || GRANTS.contains(uid + " " + rid + " full");
        json(request, 200, new JsonObject().put("allowed", allowed));
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** Waits until {@code condition} holds, up to {@code timeout}; false if it never did. */
    public static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
