package org.clusterlogs.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** auth-service's own configuration. Keys are {@code auth.*}; the datasources are {@code quarkus.datasource.*}. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Which database holds the state: the embedded H2 file database, or PostgreSQL for several replicas. */
    @WithDefault("h2")
    StoreKind store();

    /** Directory of the embedded H2 database (used when {@code auth.store=h2}). */
    @WithDefault("./data/auth")
    Path dataDir();

    /**
     * Base64 of 32 random bytes: encrypts the token signing keys in the database (AES-256-GCM).
     * Required; dev and test profiles set a well-known key and say so in the log.
     */
    Optional<String> keyEncryptionKey();

    Bootstrap bootstrap();

    Token token();

    KeyRotation keyRotation();

    Password password();

    Login login();

    /**
     * How long a decision read from the store is reused. This process's own writes end it at once;
     * a change made through another replica (a shared PostgreSQL store) is seen after at most this
     * long. At most 1 s (a longer value is cut), so that a grant or a revocation reaches every
     * service within 5 s together with their own cache ({@code auth.decisions.cache-ttl}, 4 s).
     */
    @WithDefault("1s")
    Duration storeCacheTtl();

    /**
     * Addresses or CIDR ranges of the proxies in front of the service: only a request whose
     * direct peer is one of them has its client address taken from {@code X-Forwarded-For}.
     */
    Optional<List<String>> trustedProxies();

    enum StoreKind {
        H2, POSTGRESQL
    }

    /** What exists before anyone logs in. */
    interface Bootstrap {

        /** The first superuser, created (and put in {@code superusers}) when it does not exist yet. */
        Optional<String> uid();

        /** Its password; only used to create it, never to overwrite a changed one. */
        Optional<String> password();

        /**
         * The suite's own service accounts, by uid: each is registered with its public key. For
         * properties files; a uid with '-' cannot be written as an environment variable, so
         * deployments use {@link #serviceAccountKeysDir()}.
         */
        @WithName("service-accounts")
        Map<String, ServiceAccount> serviceAccounts();

        /**
         * A directory of public keys, one file {@code <uid>.pem} per service account of the suite
         * (a mounted Secret or ConfigMap): each registers the account {@code <uid>}.
         */
        Optional<Path> serviceAccountKeysDir();

        /**
         * What every one of those service accounts is granted, each {@code "<rid> <action>"}: by
         * default the policy query (the services ask it for every caller's permission) and reading
         * the deployed MessageLogging policies (every service follows them). Granted at every
         * start, so a new entry reaches existing accounts; removing one revokes nothing.
         */
        @WithDefault("dcos:adminrouter:acs:policyquery full,dcos:adminrouter:ops:policies read")
        List<String> serviceAccountGrants();
    }

    interface ServiceAccount {

        /** Path of the account's RSA public key (PEM, SubjectPublicKeyInfo). */
        Path publicKey();

        @WithDefault("service account of the suite")
        String description();
    }

    interface Token {

        /** The {@code iss} of every access token; verifiers require the same value. */
        @WithDefault("clusterlogs-auth")
        String issuer();

        /** How long an access token (and the auth cookie) is valid. */
        @WithDefault("15m")
        Duration lifetime();

        /** How far a verifier's clock may be off: tokens are accepted this long past {@code exp}. */
        @WithDefault("30s")
        Duration clockSkew();

        /** The longest a person's session can be refreshed from its first login. */
        @WithDefault("12h")
        Duration sessionMaxAge();
    }

    interface KeyRotation {

        /** How long one signing key signs before the next one takes over. */
        @WithDefault("7d")
        Duration period();

        /** How long before it signs the next key is published in the JWKS. */
        @WithDefault("15m")
        Duration publishAhead();

        /** How often each replica reloads the keys from the database and creates the next one when due. */
        @WithDefault("30s")
        Duration checkInterval();

        /** RSA modulus size of new keys. */
        @WithDefault("2048")
        int keySize();
    }

    interface Password {

        /**
         * bcrypt cost of new password hashes (2^cost rounds). 10 takes about 120 ms per hash or
         * verification on the suite's 2-core machine (11: about 250-300 ms); see the README.
         */
        @WithDefault("10")
        int bcryptCost();

        /** Shortest password accepted, in characters. */
        @WithDefault("8")
        int minLength();
    }

    interface Login {

        /** The farthest in the future a service account's login token may expire. */
        @WithDefault("10m")
        Duration serviceTokenMaxLifetime();

        /** Failed logins one uid may have in {@link #uidWindow()} before it gets 429. */
        @WithDefault("5")
        int uidFailures();

        @WithDefault("15m")
        Duration uidWindow();

        /** Failed logins one client address may have in {@link #addressWindow()} before it gets 429. */
        @WithDefault("30")
        int addressFailures();

        @WithDefault("1m")
        Duration addressWindow();
    }
}
