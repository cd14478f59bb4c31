package org.clusterlogs.auth.token;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clusterlogs.auth.config.AuthConfig;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jboss.logging.Logger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The signing keys of all replicas, from the database: each replica reloads them every
 * {@code auth.key-rotation.check-interval}, creates the next key when {@link RotationPlan} says it
 * is due (a concurrent replica's identical key loses on the unique activation time), and deletes
 * keys whose last token has expired. Private keys are decrypted once and kept in memory.
 */
@Startup
@ApplicationScoped
public class SigningKeyRing {

    private static final Logger LOG = Logger.getLogger(SigningKeyRing.class);
    /** A verifier that meets an unknown kid reloads at most this often. */
    private static final long RELOAD_ON_MISS_MILLIS = 1_000;

    /** A key as this replica holds it. */
    public record LoadedKey(KeySlot slot, RSAPublicKey publicKey, PrivateKey privateKey) {
        public String kid() {
            return slot.kid();
        }
    }

    private final SigningKeyRepository repository;
    private final KeyEncryption encryption;
    private final RotationPlan plan;
    private final int keySize;
    private final Clock clock;
    private final Map<String, PrivateKey> decrypted = new ConcurrentHashMap<>();
    private volatile List<LoadedKey> keys = List.of();
    private volatile long lastReload;

    @Inject
    public SigningKeyRing(SigningKeyRepository repository, KeyEncryption encryption, AuthConfig config) {
        this(repository, encryption, new RotationPlan(config.keyRotation().period().toMillis(),
                config.keyRotation().publishAhead().toMillis(),
                config.token().lifetime().plus(config.token().clockSkew()).toMillis()),
                config.keyRotation().keySize(), Clock.systemUTC());
    }

    /** The first maintenance at start-up, so that the service signs from its first request. */
    @PostConstruct
    void start() {
        maintain();
    }

    SigningKeyRing(SigningKeyRepository repository, KeyEncryption encryption, RotationPlan plan, int keySize,
            Clock clock) {
        this.repository = repository;
        this.encryption = encryption;
        this.plan = plan;
        this.keySize = keySize;
        this.clock = clock;
    }

    /** Creates what is due, drops what has expired, reloads. Every replica runs it on a timer. */
    @Scheduled(every = "${auth.key-rotation.check-interval}", delayed = "${auth.key-rotation.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void maintain() {
        long now = clock.millis();
        List<StoredKey> stored = repository.all();
        List<KeySlot> slots = stored.stream().map(StoredKey::slot).toList();
        Optional<KeySlot> due = plan.due(slots, now);
        if (due.isPresent()) {
            create(due.get(), now);
            stored = repository.all();
        }
        for (StoredKey key : stored) {
            if (!plan.published(key.slot(), now)) {
                repository.delete(key.kid());
                decrypted.remove(key.kid());
                LOG.infof("signing key %s expired and was deleted", key.kid());
            }
        }
        load(stored.stream().filter(k -> plan.published(k.slot(), now)).toList());
    }

    /** The key that signs now. */
    public LoadedKey signer() {
        long now = clock.millis();
        Map<String, LoadedKey> byKid = keys.stream().collect(Collectors.toMap(LoadedKey::kid, Function.identity()));
        Optional<KeySlot> slot = plan.signer(keys.stream().map(LoadedKey::slot).toList(), now);
        if (slot.isEmpty()) {
            // the timer has not run since the signer retired (a stalled replica): catch up now
            maintain();
            slot = plan.signer(keys.stream().map(LoadedKey::slot).toList(), now);
            byKid = keys.stream().collect(Collectors.toMap(LoadedKey::kid, Function.identity()));
        }
        return byKid.get(slot.orElseThrow(() -> new IllegalStateException("no signing key")).kid());
    }

    /** Every published key: the signer, the next one, and retired ones whose tokens may still be valid. */
    public List<LoadedKey> published() {
        long now = clock.millis();
        return keys.stream().filter(k -> plan.published(k.slot(), now)).toList();
    }

    /** A published key by kid; an unknown kid reloads from the database (at most once a second). */
    public Optional<LoadedKey> byKid(String kid) {
        Optional<LoadedKey> key = find(kid);
        if (key.isEmpty() && clock.millis() - lastReload > RELOAD_ON_MISS_MILLIS) {
            load(repository.all().stream().filter(k -> plan.published(k.slot(), clock.millis())).toList());
            key = find(kid);
        }
        long now = clock.millis();
        return key.filter(k -> plan.published(k.slot(), now));
    }

    private Optional<LoadedKey> find(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    private void create(KeySlot slot, long now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(keySize);
            KeyPair pair = generator.generateKeyPair();
            String kid = new RsaJsonWebKey((RSAPublicKey) pair.getPublic()).calculateBase64urlEncodedThumbprint("SHA-256");
            StoredKey key = new StoredKey(kid, encryption.encrypt(pair.getPrivate().getEncoded(), kid),
                    Pem.publicKey(pair.getPublic()), now, slot.activatesAt(), slot.retiresAt());
            if (repository.insert(key)) {
                LOG.infof("new signing key %s signs from %tFT%<tT.%<tLZ", kid, slot.activatesAt());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private void load(List<StoredKey> stored) {
        List<LoadedKey> loaded = new ArrayList<>();
        for (StoredKey key : stored) {
            RSAPublicKey publicKey = Pem.parsePublicKey(key.publicKeyPem());
            PrivateKey privateKey = decrypted.computeIfAbsent(key.kid(), kid -> decrypt(key));
            loaded.add(new LoadedKey(key.slot(), publicKey, privateKey));
        }
        keys = List.copyOf(loaded);
        lastReload = clock.millis();
    }

    private PrivateKey decrypt(StoredKey key) {
        try {
            byte[] pkcs8 = encryption.decrypt(key.privateKeyEncrypted(), key.kid());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + key.kid() + " is not an RSA private key", e);
        }
    }
}
