package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * How the suite's services are wired to auth-service: each calls it at its Service with its own
 * service account, whose private key file is a key of its own Secret; none turns tokens off; and
 * auth-service reads the PostgreSQL store and registers every service account with a public key
 * file from the Secret service-account-public-keys, through its mounted config file. auth-service
 * has an account too (for its MessageLogging polls): it logs in at its own port, and registers
 * its public key from its own Secret, which holds both halves.
 */
final class AuthRules {

    /** The services that call auth-service as a service account named like themselves. */
    static final List<String> CLIENTS = List.of("log-service", "discovery-service", "policy-service");

    static final String AUTH_URL = "http://auth-service:8180";
    /** auth-service's own account: it logs in at its own port (the NetworkPolicy admits only the others). */
    static final String SELF = "auth-service";
    static final String SELF_AUTH_URL = "http://localhost:8180";
    /** auth-service's own Secret holds both halves: its bootstrap registers the public one. */
    static final String SELF_SECRET = SELF + SecretRules.SERVICE_ACCOUNT_SUFFIX;
    static final String PUBLIC_KEY = "public-key.pem";
    static final String PRIVATE_KEY = "private-key.pem";
    static final String PUBLIC_KEYS = "service-account-public-keys";
    static final String CONFIG_MAP = "auth-service-config";
    /** The image's WORKDIR (deploy/Dockerfile.jvm): Quarkus reads config/application.properties below it. */
    static final String APP_DIR = "/deployments";

    private final List<? extends JsonNode> objects;
    private final List<String> violations = new ArrayList<>();
    private final List<SecretRules.SecretRef> fileRefs = new ArrayList<>();

    private AuthRules(List<? extends JsonNode> objects) {
        this.objects = objects;
    }

    static List<String> check(List<? extends JsonNode> objects) {
        return run(objects).violations;
    }

    /** The Secret keys that the configured key files are (to check against what make-secrets.sh makes). */
    static List<SecretRules.SecretRef> fileRefs(List<? extends JsonNode> objects) {
        return run(objects).fileRefs;
    }

    private static AuthRules run(List<? extends JsonNode> objects) {
        AuthRules rules = new AuthRules(objects);
        for (JsonNode workload : SecretRules.workloads(objects)) {
            String name = ManifestRules.name(workload);
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                String where = ManifestRules.id(workload) + " container " + container.path("name").asText();
                String enabled = ManifestRules.env(container, "AUTH_ENABLED").path("value").asText("true");
                if (!enabled.toLowerCase(Locale.ROOT).equals("true")) {
                    rules.violations.add(where + ": AUTH_ENABLED must not be '" + enabled + "': tokens on every route");
                }
                if (CLIENTS.contains(name)) {
                    rules.checkClient(where, name, AUTH_URL, workload, container);
                }
                if (name.equals(SELF)) {
                    rules.checkClient(where, name, SELF_AUTH_URL, workload, container);
                }
            }
            if (name.equals("auth-service")) {
                rules.checkAuthService(workload);
            }
        }
        return rules;
    }

    private void checkClient(String where, String name, String authUrl, JsonNode workload, JsonNode container) {
        expectEnv(where, container, "AUTH_URL", authUrl);
        expectEnv(where, container, "AUTH_SERVICE_ACCOUNT_UID", name);
        String keyFile = ManifestRules.env(container, "AUTH_SERVICE_ACCOUNT_PRIVATE_KEY").path("value").asText();
        secretFile(where + " AUTH_SERVICE_ACCOUNT_PRIVATE_KEY", workload, container, keyFile,
                name + SecretRules.SERVICE_ACCOUNT_SUFFIX, PRIVATE_KEY);
    }

    private void expectEnv(String where, JsonNode container, String variable, String value) {
        String actual = ManifestRules.env(container, variable).path("value").asText();
        if (!value.equals(actual)) {
            violations.add(where + ": " + variable + " must be " + value + ", is '" + actual + "'");
        }
    }

    private void checkAuthService(JsonNode workload) {
        String id = ManifestRules.id(workload);
        JsonNode container = workload.at("/spec/template/spec/containers/0");
        String configDir = APP_DIR + "/config";
        JsonNode mount = mountAt(container, configDir);
        JsonNode volume = mount == null ? null : volume(workload, mount.path("name").asText());
        if (volume == null || !CONFIG_MAP.equals(volume.at("/configMap/name").asText())) {
            violations.add(id + ": ConfigMap " + CONFIG_MAP + " must be mounted at " + configDir);
        }
        Properties config = config();
        if (config == null) {
            violations.add(id + ": ConfigMap " + CONFIG_MAP + " with application.properties is missing");
            return;
        }
        if (!"postgresql".equals(config.getProperty("auth.store"))) {
            violations.add(id + ": auth.store must be postgresql (replicas share one database)");
        }
        for (String account : CLIENTS) {
            String key = "auth.bootstrap.service-accounts.\"" + account + "\".public-key";
            secretFile(id + " " + key, workload, container, config.getProperty(key, ""), PUBLIC_KEYS,
                    account + ".pem");
        }
        String self = "auth.bootstrap.service-accounts.\"" + SELF + "\".public-key";
        secretFile(id + " " + self, workload, container, config.getProperty(self, ""), SELF_SECRET, PUBLIC_KEY);
    }

    /**
     * {@code path} is the file {@code key} of a volume of Secret {@code secret} (mounted without
     * items or subPath); records it as a file reference.
     */
    private void secretFile(String where, JsonNode workload, JsonNode container, String path, String secret,
            String key) {
        int slash = path.lastIndexOf('/');
        JsonNode mount = slash < 1 ? null : mountAt(container, path.substring(0, slash));
        JsonNode volume = mount == null ? null : volume(workload, mount.path("name").asText());
        boolean ok = volume != null && secret.equals(volume.at("/secret/secretName").asText())
                && !mount.has("subPath") && volume.at("/secret/items").isEmpty()
                && key.equals(path.substring(slash + 1));
        if (!ok) {
            violations.add(where + ": '" + path + "' must be the file " + key + " of a mounted Secret " + secret);
        }
        fileRefs.add(new SecretRules.SecretRef(where, secret, Optional.of(path.substring(slash + 1))));
    }

    private static JsonNode mountAt(JsonNode container, String dir) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (dir.equals(mount.path("mountPath").asText())) {
                return mount;
            }
        }
        return null;
    }

    private static JsonNode volume(JsonNode workload, String name) {
        for (JsonNode volume : workload.at("/spec/template/spec/volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        return null;
    }

    private Properties config() {
        for (JsonNode object : objects) {
            if (ManifestRules.kind(object).equals("ConfigMap") && ManifestRules.name(object).equals(CONFIG_MAP)
                    && object.at("/data/application.properties").isTextual()) {
                Properties properties = new Properties();
                try {
                    properties.load(new StringReader(object.at("/data/application.properties").asText()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return properties;
            }
        }
        return null;
    }
}
