package org.clusterlogs.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * deploy/make-secrets.sh, run with real openssl against a fake kubectl: what it creates on an
 * empty cluster is valid key material, it never replaces or half-makes anything, and prod
 * refuses to guess a database.
 */
class MakeSecretsTest {

    private static final String WEBHOOK_SECRET = "policy-service-webhook-tls";
    private static final String WEBHOOK = "messageloggingpolicies.logging.clusterlogs.org";
    private static final List<String> ALL_SECRETS = List.of("log-service-service-account",
            "discovery-service-service-account", "policy-service-service-account", "service-account-public-keys",
            "auth-service-service-account", "auth-service-keys", "auth-service-db", "policy-service-db", WEBHOOK_SECRET);
    /** What the fake cluster answers for the ca.crt of a webhook Secret that exists. */
    private static final Map<String, String> KEPT_CA = Map.of("secret-" + WEBHOOK_SECRET,
            Base64.getEncoder().encodeToString("-----BEGIN CERTIFICATE-----\nkept\n".getBytes(StandardCharsets.US_ASCII)));
    private static final Path WEBHOOK_MANIFEST = Path.of("..", "deploy", "base", "policy-service",
            "validatingwebhook.yaml");

    @Test
    void devOnAnEmptyClusterMakesTheNamespaceAndEverySecret() throws Exception {
        MakeSecrets.Run run = MakeSecrets.run(List.of("dev"), List.of(), Map.of(), false);

        assertEquals(0, run.exit(), run.stderr());
        assertEquals("Namespace", ManifestRules.kind(run.created().get(0)), "the namespace first");
        assertEquals(ManifestRules.NAMESPACE, ManifestRules.name(run.created().get(0)));
        Map<String, Map<String, byte[]>> secrets = run.secrets();
        assertEquals(ALL_SECRETS, List.copyOf(secrets.keySet()));
        for (JsonNode object : run.created()) {
            assertEquals(ManifestRules.NAMESPACE, object.at("/metadata/namespace").asText(ManifestRules.NAMESPACE));
        }
        assertTrue(run.calls().stream().allMatch(call -> call.contains("get ") || call.startsWith("create -f ")),
                "only get and create (never apply, replace or delete): " + run.calls());

        for (String account : AuthRules.CLIENTS) {
            RSAPrivateCrtKey privateKey = privateKey(secrets.get(account + "-service-account").get("private-key.pem"));
            assertEquals(2048, privateKey.getModulus().bitLength(), account);
            RSAPublicKey publicKey = publicKey(secrets.get("service-account-public-keys").get(account + ".pem"));
            assertEquals(privateKey.getModulus(), publicKey.getModulus(), account + ": public key of its private key");
            assertEquals(privateKey.getPublicExponent(), publicKey.getPublicExponent());
        }
        Map<String, byte[]> self = secrets.get(AuthRules.SELF_SECRET);
        assertEquals(privateKey(self.get("private-key.pem")).getModulus(),
                publicKey(self.get(AuthRules.PUBLIC_KEY)).getModulus(), "auth-service's account: both halves of one key");
        assertNotEquals(privateKey(self.get("private-key.pem")).getModulus(),
                privateKey(secrets.get("policy-service-service-account").get("private-key.pem")).getModulus());

        Map<String, byte[]> keys = secrets.get("auth-service-keys");
        assertEquals(32, Base64.getDecoder().decode(text(keys, "key-encryption-key")).length);
        assertEquals("admin", text(keys, "bootstrap-uid"));
        String password = text(keys, "bootstrap-password");
        assertTrue(password.matches("[0-9a-f]{32}"), "random password: " + password);
        assertTrue(run.stderr().contains("first superuser: uid admin, password " + password), run.stderr());
        assertTrue(run.stderr().contains("get secret auth-service-keys"), "says how to read it again");

        Map<String, byte[]> db = secrets.get("auth-service-db");
        assertEquals("jdbc:postgresql://postgresql:5432/auth", text(db, "url"));
        assertEquals("auth", text(db, "username"));
        assertTrue(text(db, "password").matches("[0-9a-f]{48}"));
        Map<String, byte[]> policyDb = secrets.get("policy-service-db");
        assertEquals("jdbc:postgresql://postgresql:5432/policy", text(policyDb, "url"));
        assertEquals("policy", text(policyDb, "username"));
        assertTrue(text(policyDb, "password").matches("[0-9a-f]{48}"));
        assertNotEquals(text(db, "password"), text(policyDb, "password"), "each service its own password");

        Map<String, byte[]> tls = secrets.get(WEBHOOK_SECRET);
        X509Certificate ca = certificate(tls.get("ca.crt"));
        X509Certificate serving = certificate(tls.get("tls.crt"));
        serving.verify(ca.getPublicKey());
        assertTrue(serving.getSubjectAlternativeNames().contains(List.of(2, "policy-service.clusterlogs.svc")),
                "the name the API server calls: " + serving.getSubjectAlternativeNames());
        assertEquals(((RSAPublicKey) serving.getPublicKey()).getModulus(), privateKey(tls.get("tls.key")).getModulus(),
                "tls.key is the certificate's key");
        assertWebhookWithCaBundle(run.created(), tls.get("ca.crt"));
    }

    /** The created objects hold the base manifest's webhook configuration, with the CA as its caBundle. */
    private static void assertWebhookWithCaBundle(List<JsonNode> created, byte[] ca) {
        JsonNode webhook = created.stream()
                .filter(o -> ManifestRules.kind(o).equals("ValidatingWebhookConfiguration")).findFirst().orElseThrow();
        assertEquals(Base64.getEncoder().encodeToString(ca), webhook.at("/webhooks/0/clientConfig/caBundle").asText());
        ObjectNode withoutBundle = webhook.deepCopy();
        ((ObjectNode) withoutBundle.at("/webhooks/0/clientConfig")).remove("caBundle");
        ((ObjectNode) withoutBundle.at("/metadata/labels")).remove(ManifestRules.PART_OF_LABEL);
        assertEquals(Yaml.read(WEBHOOK_MANIFEST).get(0), withoutBundle, "otherwise the manifest as it is");
        assertEquals(ManifestRules.NAMESPACE, webhook.at("/metadata/labels").path(ManifestRules.PART_OF_LABEL).asText());
    }

    @Test
    void theWebhookGetsTheCaOfTheCertificateItKeeps() {
        List<String> existing = new ArrayList<>(List.of("namespace/clusterlogs"));
        ALL_SECRETS.forEach(name -> existing.add("secret/" + name));
        String ca = KEPT_CA.get("secret-" + WEBHOOK_SECRET);
        Map<String, String> data = KEPT_CA;

        MakeSecrets.Run missing = MakeSecrets.run(List.of("dev"), existing, data, Map.of(), false);
        assertEquals(0, missing.exit(), missing.stderr());
        assertEquals(1, missing.created().size(), "only the webhook configuration: " + missing.created());
        assertWebhookWithCaBundle(missing.created(), Base64.getDecoder().decode(ca));

        existing.add("validatingwebhookconfiguration/" + WEBHOOK);
        MakeSecrets.Run present = MakeSecrets.run(List.of("dev"), existing, data, Map.of(), false);
        assertEquals(0, present.exit(), present.stderr());
        assertEquals(List.of(), present.created());
        assertTrue(present.calls().contains("patch validatingwebhookconfiguration " + WEBHOOK + " --type=json -p "
                + "[{\"op\": \"add\", \"path\": \"/webhooks/0/clientConfig/caBundle\", \"value\": \"" + ca
                + "\"}]"), present.calls().toString());
    }

    @Test
    void prodTakesTheWebhookCertificateFromGivenFiles() throws Exception {
        Map<String, byte[]> made = MakeSecrets.run(List.of("dev", "--dry-run"), List.of(), Map.of(), false)
                .secrets().get(WEBHOOK_SECRET);
        Path dir = Files.createTempDirectory("webhook-tls");
        Map<String, String> env = new HashMap<>(MakeSecrets.PROD_DB);
        for (Map.Entry<String, String> file : Map.of("WEBHOOK_TLS_CERT", "tls.crt", "WEBHOOK_TLS_KEY", "tls.key",
                "WEBHOOK_CA_CERT", "ca.crt").entrySet()) {
            Files.write(dir.resolve(file.getValue()), made.get(file.getValue()));
            env.put(file.getKey(), dir.resolve(file.getValue()).toString());
        }

        MakeSecrets.Run run = MakeSecrets.run(List.of("prod"), List.of(), env, false);

        assertEquals(0, run.exit(), run.stderr());
        for (String key : List.of("tls.crt", "tls.key", "ca.crt")) {
            assertArrayEquals(made.get(key), run.secrets().get(WEBHOOK_SECRET).get(key), key);
        }
        assertWebhookWithCaBundle(run.created(), made.get("ca.crt"));

        env.put("WEBHOOK_CA_CERT", dir.resolve("tls.crt").toString()); // not the CA that signed it
        MakeSecrets.Run refused = MakeSecrets.run(List.of("prod"), List.of(), env, false);
        assertNotEquals(0, refused.exit());
        assertEquals(List.of(), refused.created());
        assertTrue(refused.stderr().contains("WEBHOOK_CA_CERT did not sign WEBHOOK_TLS_CERT"), refused.stderr());
    }

    @Test
    void existingSecretsAreKeptAsTheyAre() {
        List<String> existing = new ArrayList<>(List.of("namespace/clusterlogs"));
        ALL_SECRETS.forEach(name -> existing.add("secret/" + name));
        existing.add("validatingwebhookconfiguration/" + WEBHOOK);

        MakeSecrets.Run run = MakeSecrets.run(List.of("dev"), existing, KEPT_CA, Map.of(), false);

        assertEquals(0, run.exit(), run.stderr());
        assertEquals(List.of(), run.created());
        assertTrue(run.calls().stream().noneMatch(call -> call.startsWith("create")), run.calls().toString());
        assertFalse(run.stderr().contains("password"), "no password shown for a superuser made earlier");
    }

    @Test
    void onlyTheMissingSecretIsMade() {
        List<String> existing = new ArrayList<>();
        ALL_SECRETS.stream().filter(name -> !name.equals("auth-service-db")).forEach(n -> existing.add("secret/" + n));
        existing.add("validatingwebhookconfiguration/" + WEBHOOK);

        MakeSecrets.Run run = MakeSecrets.run(List.of("dev"), existing, KEPT_CA, Map.of(), false);

        assertEquals(0, run.exit(), run.stderr());
        assertEquals(Set.of("auth-service-db"), run.secrets().keySet());
    }

    @Test
    void aClusterSetUpBeforeAuthServiceHadAnAccountGainsIt() {
        List<String> existing = new ArrayList<>(List.of("namespace/clusterlogs",
                "validatingwebhookconfiguration/" + WEBHOOK));
        ALL_SECRETS.stream().filter(name -> !name.equals(AuthRules.SELF_SECRET)).forEach(n -> existing.add("secret/" + n));

        MakeSecrets.Run run = MakeSecrets.run(List.of("dev"), existing, KEPT_CA, Map.of(), false);

        assertEquals(0, run.exit(), run.stderr());
        assertEquals(Set.of(AuthRules.SELF_SECRET), run.secrets().keySet(), "the other accounts' keys are kept");
    }

    @Test
    void someServiceAccountKeysWithoutTheOthersIsRefused() {
        MakeSecrets.Run run = MakeSecrets.run(List.of("dev"),
                List.of("secret/log-service-service-account"), Map.of(), false);

        assertNotEquals(0, run.exit());
        assertEquals(List.of(), run.created(), "nothing is made when the script refuses");
        assertTrue(run.stderr().contains("only some service-account Secrets exist"), run.stderr());
        assertTrue(run.stderr().contains("kubectl -n clusterlogs delete secret"), "says how to start over");
    }

    @Test
    void prodRefusesWithoutItsDatabase() {
        MakeSecrets.Run run = MakeSecrets.run(List.of("prod"), List.of(), Map.of("AUTH_DB_USERNAME", "someone"), false);

        assertNotEquals(0, run.exit());
        assertEquals(List.of(), run.created());
        assertTrue(run.stderr().contains("set AUTH_DB_URL AUTH_DB_PASSWORD"), run.stderr());
    }

    @Test
    void prodTakesItsDatabaseFromTheEnvironment() {
        MakeSecrets.Run run = MakeSecrets.run(List.of("prod"), List.of(), MakeSecrets.PROD_DB, false);

        assertEquals(0, run.exit(), run.stderr());
        Map<String, byte[]> db = run.secrets().get("auth-service-db");
        assertEquals(MakeSecrets.PROD_DB.get("AUTH_DB_URL"), text(db, "url"));
        assertEquals(MakeSecrets.PROD_DB.get("AUTH_DB_USERNAME"), text(db, "username"));
        assertEquals(MakeSecrets.PROD_DB.get("AUTH_DB_PASSWORD"), text(db, "password"));
        assertFalse(run.stderr().contains(MakeSecrets.PROD_DB.get("AUTH_DB_PASSWORD")), "never echoes it");
        Map<String, byte[]> policyDb = run.secrets().get("policy-service-db");
        assertEquals(MakeSecrets.PROD_DB.get("POLICY_DB_URL"), text(policyDb, "url"));
        assertEquals(MakeSecrets.PROD_DB.get("POLICY_DB_USERNAME"), text(policyDb, "username"));
        assertEquals(MakeSecrets.PROD_DB.get("POLICY_DB_PASSWORD"), text(policyDb, "password"));
    }

    @Test
    void prodRefusesWithoutPolicyServicesDatabaseAndCreatesNothing() {
        Map<String, String> authOnly = new HashMap<>(MakeSecrets.PROD_DB);
        authOnly.remove("POLICY_DB_PASSWORD");
        MakeSecrets.Run run = MakeSecrets.run(List.of("prod"), List.of(), authOnly, false);

        assertNotEquals(0, run.exit());
        assertEquals(List.of(), run.created(), "not even auth-service's Secrets");
        assertTrue(run.stderr().contains("prod needs policy-service's PostgreSQL database: set POLICY_DB_PASSWORD"),
                run.stderr());
    }

    @Test
    void aDryRunPrintsFreshKeysAndAsksNoCluster() {
        MakeSecrets.Run first = MakeSecrets.run(List.of("dev", "--dry-run"), List.of(), Map.of(), false);
        MakeSecrets.Run second = MakeSecrets.run(List.of("--dry-run", "dev"), List.of(), Map.of(), false);

        assertEquals(0, first.exit(), first.stderr());
        assertEquals(List.of(), first.calls(), "a dry run calls no kubectl");
        assertEquals(ALL_SECRETS, List.copyOf(first.secrets().keySet()));
        assertEquals("Namespace", ManifestRules.kind(first.created().get(0)));
        assertNotEquals(text(first.secrets().get("log-service-service-account"), "private-key.pem"),
                text(second.secrets().get("log-service-service-account"), "private-key.pem"), "a new key each time");
    }

    @Test
    void anUnreachableClusterStopsIt() {
        MakeSecrets.Run run = MakeSecrets.run(List.of("dev"), List.of(), Map.of(), true);

        assertNotEquals(0, run.exit());
        assertTrue(run.stderr().contains("is the cluster reachable?"), run.stderr());
        assertTrue(run.calls().stream().noneMatch(call -> call.startsWith("create")), run.calls().toString());
    }

    private static String text(Map<String, byte[]> data, String key) {
        return new String(data.get(key), StandardCharsets.UTF_8);
    }

    private static X509Certificate certificate(byte[] pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pem));
    }

    private static RSAPrivateCrtKey privateKey(byte[] pem) throws GeneralSecurityException {
        byte[] der = der(pem, "PRIVATE KEY");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static RSAPublicKey publicKey(byte[] pem) throws GeneralSecurityException {
        byte[] der = der(pem, "PUBLIC KEY");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    /** The DER inside one PEM block of exactly this label (PKCS#8 "PRIVATE KEY", not "RSA PRIVATE KEY"). */
    private static byte[] der(byte[] pem, String label) {
        String text = new String(pem, StandardCharsets.US_ASCII).strip();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        assertTrue(text.startsWith(begin) && text.endsWith(end), "a PEM " + label + ": " + text.lines().findFirst());
        return Base64.getMimeDecoder().decode(text.substring(begin.length(), text.length() - end.length()));
    }
}
