package org.clusterlogs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules for log-service's mounts, its agent id, the namespace's Pod Security labels, the
 * NetworkPolicies, the use of Secrets, the wiring to auth-service, the Ingress and the third-party
 * workloads, each shown to fail on a copy of the dev overlay (base and its PostgreSQL) with one
 * mistake in it.
 */
class RulesCatchMistakesTest {

    private static final Path DEV = Path.of("..", "deploy", "overlays", "dev").toAbsolutePath().normalize();

    private static Map<String, Set<String>> made;

    private List<ObjectNode> objects;

    @BeforeAll
    static void secrets() {
        made = MakeSecrets.madeFor("dev");
    }

    @BeforeEach
    void dev() {
        objects = Kustomization.load(DEV).objects();
        assertEquals(List.of(), ManifestRules.check(objects), "the dev overlay itself follows the rules");
        assertEquals(List.of(), SecretRules.checkAgainst(objects, made), "and uses only Secrets that are made");
    }

    private ObjectNode object(String kind, String name) {
        return objects.stream()
                .filter(o -> ManifestRules.kind(o).equals(kind) && ManifestRules.name(o).equals(name))
                .findFirst().orElseThrow();
    }

    private ObjectNode logServiceContainer() {
        return (ObjectNode) object("DaemonSet", "log-service").at("/spec/template/spec/containers/0");
    }

    private ObjectNode networkPolicy() {
        return object("NetworkPolicy", "log-service");
    }

    private ObjectNode container(String kind, String name) {
        return (ObjectNode) object(kind, name).at("/spec/template/spec/containers/0");
    }

    private void assertViolation(String expected) {
        assertViolation(expected, ManifestRules.check(objects));
    }

    private static void assertViolation(String expected, List<String> violations) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation containing '" + expected + "', got " + violations);
    }

    private static void setEnv(ObjectNode container, String name, String value) {
        removeWhere(container.path("env"), "name", name);
        container.withArray("env").addObject().put("name", name).put("value", value);
    }

    private ObjectNode volume(String kind, String name, String volume) {
        for (JsonNode candidate : object(kind, name).at("/spec/template/spec/volumes")) {
            if (candidate.path("name").asText().equals(volume)) {
                return (ObjectNode) candidate;
            }
        }
        throw new AssertionError(kind + "/" + name + " has no volume " + volume);
    }

    private ObjectNode authServiceConfig() {
        return (ObjectNode) object("ConfigMap", AuthRules.CONFIG_MAP).path("data");
    }

    private static void removeWhere(JsonNode array, String field, String value) {
        Iterator<JsonNode> it = array.iterator();
        while (it.hasNext()) {
            if (it.next().path(field).asText().equals(value)) {
                it.remove();
            }
        }
    }

    @Test
    void aRoleMayWriteOnlyTheStatusOfTheSuitesResources() {
        ((ArrayNode) object("Role", "policy-service").at("/rules/0/verbs")).add("patch");
        assertViolation("Role/policy-service: verb 'patch' is not read-only");
    }

    @Test
    void aStatusWriteSharesItsRuleWithNothingElse() {
        ((ArrayNode) object("Role", "policy-service").at("/rules/1/resources")).add("pods");
        assertViolation("Role/policy-service: verb 'patch' is not read-only");
    }

    private ObjectNode webhook() {
        return (ObjectNode) object("ValidatingWebhookConfiguration", "messageloggingpolicies.logging.clusterlogs.org")
                .at("/webhooks/0");
    }

    @Test
    void theWebhookMustCallAPathOfTheServicesContract() {
        ((ObjectNode) webhook().at("/clientConfig/service")).put("path", "/admission/policies");
        assertViolation("path /admission/policies is not a POST operation of openapi/policy-service.yaml");
    }

    @Test
    void theWebhookMustCallAPortOfItsService() {
        ((ObjectNode) webhook().at("/clientConfig/service")).put("port", 8183);
        assertViolation("policy-service must listen with TLS on 8183 (QUARKUS_HTTP_SSL_PORT)");
        ((ObjectNode) webhook().at("/clientConfig/service")).put("port", 9443);
        assertViolation("Service policy-service has no port 9443");
    }

    @Test
    void theWebhooksServerNeedsACertificateFromASecret() {
        setEnv(container("Deployment", "policy-service"), "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES", "/tmp/tls.key");
        assertViolation("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES must be a file of a mounted Secret");
    }

    @Test
    void theWebhookFailsClosedQuicklyWithoutSideEffects() {
        webhook().put("failurePolicy", "Ignore").put("sideEffects", "Some").put("timeoutSeconds", 30);
        assertViolation("failurePolicy must be Fail");
        assertViolation("sideEffects must be None");
        assertViolation("timeoutSeconds must be set, 1 to 10");
    }

    @Test
    void theCaBundleIsNotCommitted() {
        ((ObjectNode) webhook().path("clientConfig")).put("caBundle", "LS0tLS1CRUdJTi==");
        assertViolation("caBundle is not kept in the manifests");
    }

    @Test
    void theWebhookReviewsOnlyResourcesDefinedHere() {
        ((ArrayNode) webhook().at("/rules/0/resources")).add("pods");
        assertViolation("resource pods has no CustomResourceDefinition here");
    }

    @Test
    void everyServiceFollowsPolicyServicesHttpPort() {
        setEnv(container("Deployment", "auth-service"), "MESSAGELOGGING_POLICY_SERVICE_URL", "http://policy-service:8443");
        assertViolation("Deployment/auth-service container auth-service: MESSAGELOGGING_POLICY_SERVICE_URL must be");
        removeWhere(logServiceContainer().path("env"), "name", "MESSAGELOGGING_POLICY_SERVICE_URL");
        assertViolation("DaemonSet/log-service container log-service: MESSAGELOGGING_POLICY_SERVICE_URL must be");
    }

    @Test
    void messageLoggingWritesOnlyToEmptyDirs() {
        setEnv(container("Deployment", "discovery-service"), "MESSAGELOGGING_STATE_FILE", "./data/deployed.json");
        assertViolation("MESSAGELOGGING_STATE_FILE must be on an emptyDir mount (is './data/deployed.json')");
        setEnv(container("Deployment", "policy-service"), "MESSAGELOGGING_FILE_ROOT", "/var/log/policies");
        assertViolation("the MessageLogging file root /var/log/policies must be an emptyDir mount");
    }

    @Test
    void authServiceLogsInAtItselfWithItsOwnKey() {
        setEnv(container("Deployment", "auth-service"), "AUTH_URL", AuthRules.AUTH_URL);
        assertViolation("AUTH_URL must be http://localhost:8180");
        String config = authServiceConfig().path("application.properties").asText();
        authServiceConfig().put("application.properties", config.replace(
                "/etc/clusterlogs/service-account/public-key.pem",
                "/etc/clusterlogs/service-account-public-keys/auth-service.pem"));
        assertViolation("must be the file public-key.pem of a mounted Secret auth-service-service-account");
    }

    @Test
    void volatileJournalMustBeMounted() {
        removeWhere(logServiceContainer().path("volumeMounts"), "mountPath", "/run/log/journal");
        assertViolation("/run/log/journal must be mounted read-only");
    }

    @Test
    void volatileJournalMustBeReadOnly() {
        for (JsonNode mount : logServiceContainer().path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/run/log/journal")) {
                ((ObjectNode) mount).put("readOnly", false);
            }
        }
        assertViolation("/run/log/journal must be mounted read-only");
    }

    @Test
    void withoutAnAgentIdTheMetaDirectoryMustBeMounted() {
        removeWhere(logServiceContainer().path("volumeMounts"), "mountPath", "/var/lib/mesos/slave/meta/slaves");
        assertViolation("without LOGS_MESOS_AGENT_ID, the agent's /var/lib/mesos/slave/meta/slaves");
    }

    @Test
    void anExplicitAgentIdReplacesTheMetaDirectory() {
        removeWhere(logServiceContainer().path("volumeMounts"), "mountPath", "/var/lib/mesos/slave/meta/slaves");
        logServiceContainer().withArray("env").addObject()
                .put("name", "LOGS_MESOS_AGENT_ID").put("value", "0c1f7a2e-5b9d-4e61-8a3c-2d4b6e8f0a11-S3");
        assertEquals(List.of(), ManifestRules.check(objects));
    }

    @Test
    void theAgentIdIsNotTheNodeName() {
        ObjectNode agentId = logServiceContainer().withArray("env").addObject().put("name", "LOGS_MESOS_AGENT_ID");
        agentId.putObject("valueFrom").putObject("fieldRef").put("fieldPath", "spec.nodeName");
        assertViolation("LOGS_MESOS_AGENT_ID must be the agent's id, not a field of the pod");
    }

    @Test
    void hostPathNeedsThePrivilegedLevel() {
        ((ObjectNode) object("Namespace", "clusterlogs").at("/metadata/labels"))
                .put("pod-security.kubernetes.io/enforce", "baseline");
        assertViolation("only pod-security.kubernetes.io/enforce: privileged admits");
    }

    @Test
    void warnAndAuditMustBeStricterThanPrivileged() {
        ((ObjectNode) object("Namespace", "clusterlogs").at("/metadata/labels"))
                .put("pod-security.kubernetes.io/audit", "privileged");
        assertViolation("pod-security.kubernetes.io/audit must be stricter");
    }

    @Test
    void podSecurityLabelsMustBeThere() {
        ((ObjectNode) object("Namespace", "clusterlogs").at("/metadata/labels")).remove("pod-security.kubernetes.io/warn");
        assertViolation("label pod-security.kubernetes.io/warn must be one of");
    }

    @Test
    void withoutHostPathPrivilegedIsTooLoose() {
        objects.remove(object("DaemonSet", "log-service"));
        assertViolation("no workload here needs pod-security.kubernetes.io/enforce: privileged");
    }

    @Test
    void logServiceNeedsANetworkPolicy() {
        objects.remove(networkPolicy());
        assertViolation("no NetworkPolicy limits ingress to its pods");
    }

    @Test
    void aPolicyThatSelectsOtherPodsDoesNotCount() {
        ((ObjectNode) networkPolicy().at("/spec/podSelector/matchLabels"))
                .put("app.kubernetes.io/name", "discovery-service");
        assertViolation("no NetworkPolicy limits ingress to its pods");
    }

    @Test
    void aPeerMatchingEveryServiceIsTooWide() {
        ObjectNode peer = (ObjectNode) networkPolicy().at("/spec/ingress/0/from/0/podSelector/matchLabels");
        peer.removeAll().put("app.kubernetes.io/part-of", "clusterlogs");
        assertViolation("is not one of log-service's clients [discovery-service] nor Prometheus");
        assertViolation("no NetworkPolicy lets discovery-service in");
    }

    @Test
    void prometheusNeedsBothItsNamespaceAndPodLabel() {
        ((ObjectNode) networkPolicy().at("/spec/ingress/0/from/1")).remove("podSelector");
        assertViolation("is not one of log-service's clients [discovery-service] nor Prometheus");
        assertViolation("no NetworkPolicy lets Prometheus in");
    }

    @Test
    void aRuleWithoutSourcesLetsEveryoneIn() {
        ((ObjectNode) networkPolicy().at("/spec/ingress/0")).remove("from");
        assertViolation("without 'from' lets every source in");
    }

    @Test
    void onlyTheLogServicePort() {
        ((ObjectNode) networkPolicy().at("/spec/ingress/0/ports/0")).put("port", 8080);
        assertViolation("is not TCP 8181");
        ((ObjectNode) networkPolicy().at("/spec/ingress/0")).remove("ports");
        assertViolation("without 'ports' opens every port");
    }

    @Test
    void aSecondPolicyCannotOpenItUp() {
        ObjectNode open = networkPolicy().deepCopy();
        open.withObjectProperty("metadata").put("name", "log-service-open");
        ArrayNode ingress = open.withObjectProperty("spec").putArray("ingress");
        ingress.addObject();
        objects.add(open);
        assertViolation("NetworkPolicy/log-service-open: an ingress rule without 'from' lets every source in");
    }

    @Test
    void aServiceMountsOnlyItsOwnPrivateKey() {
        ((ObjectNode) volume("Deployment", "policy-service", "service-account").path("secret"))
                .put("secretName", "log-service-service-account");
        assertViolation("uses log-service-service-account, another account's private key");
        assertViolation("must be the file private-key.pem of a mounted Secret policy-service-service-account");
    }

    @Test
    void authServiceMountsNoPrivateKey() {
        object("Deployment", "auth-service").withObjectProperty("spec").withObjectProperty("template")
                .withObjectProperty("spec").withArray("volumes").addObject().put("name", "extra")
                .putObject("projected").putArray("sources").addObject().putObject("secret")
                .put("name", "discovery-service-service-account");
        assertViolation("Deployment/auth-service volume extra: uses discovery-service-service-account");
    }

    @Test
    void tokensCannotBeTurnedOff() {
        setEnv(logServiceContainer(), "AUTH_ENABLED", "false");
        assertViolation("AUTH_ENABLED must not be 'false'");
    }

    @Test
    void eachServiceCallsAuthServiceAsItself() {
        setEnv(container("Deployment", "discovery-service"), "AUTH_SERVICE_ACCOUNT_UID", "log-service");
        assertViolation("AUTH_SERVICE_ACCOUNT_UID must be discovery-service");
        setEnv(container("Deployment", "discovery-service"), "AUTH_URL", "http://localhost:8180");
        assertViolation("AUTH_URL must be http://auth-service:8180");
    }

    @Test
    void thePrivateKeyFileIsInTheMountedSecret() {
        setEnv(container("Deployment", "discovery-service"), "AUTH_SERVICE_ACCOUNT_PRIVATE_KEY", "/tmp/key.pem");
        assertViolation("'/tmp/key.pem' must be the file private-key.pem of a mounted Secret "
                + "discovery-service-service-account");
    }

    @Test
    void secretFilesAreReadableByTheServiceOnly() {
        ((ObjectNode) volume("Deployment", "policy-service", "service-account").path("secret"))
                .put("defaultMode", 0644);
        assertViolation("defaultMode must be 0440 or 0400 (is 420)");
    }

    @Test
    void secretVolumesNeedTheFsGroup() {
        ((ObjectNode) object("Deployment", "policy-service").at("/spec/template/spec/securityContext"))
                .remove("fsGroup");
        assertViolation("a secret volume needs the pod's securityContext.fsGroup");
    }

    @Test
    void authServiceRegistersEveryServiceAccount() {
        String config = authServiceConfig().path("application.properties").asText();
        authServiceConfig().put("application.properties", config.lines()
                .filter(line -> !line.contains("\"policy-service\""))
                .reduce("", (all, line) -> all + line + "\n"));
        assertViolation("auth.bootstrap.service-accounts.\"policy-service\".public-key: '' must be the file "
                + "policy-service.pem of a mounted Secret service-account-public-keys");
    }

    @Test
    void authServiceSharesPostgresql() {
        String config = authServiceConfig().path("application.properties").asText();
        authServiceConfig().put("application.properties", config.replace("auth.store=postgresql", "auth.store=h2"));
        assertViolation("auth.store must be postgresql");
    }

    @Test
    void authServiceConfigIsWhereQuarkusReadsIt() {
        for (JsonNode mount : container("Deployment", "auth-service").path("volumeMounts")) {
            if (mount.path("name").asText().equals("config")) {
                ((ObjectNode) mount).put("mountPath", "/config");
            }
        }
        assertViolation("ConfigMap auth-service-config must be mounted at /deployments/config");
    }

    @Test
    void secretsAndKeysMustBeMadeByTheScript() {
        for (JsonNode variable : container("Deployment", "auth-service").path("env")) {
            if (variable.path("name").asText().equals("QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL")) {
                ((ObjectNode) variable.at("/valueFrom/secretKeyRef")).put("key", "jdbc-url");
            }
        }
        ((ObjectNode) volume("StatefulSet", "postgresql", "tmp")).removeAll().put("name", "tmp")
                .putObject("secret").put("secretName", "postgresql-tls").put("defaultMode", 0400);
        List<String> violations = SecretRules.checkAgainst(objects, made);
        assertViolation("Secret auth-service-db has no key jdbc-url", violations);
        assertViolation("Secret postgresql-tls is not made by make-secrets.sh", violations);
    }

    @Test
    void otherImagesOnlyFromTheAllowList() {
        ObjectNode redis = object("StatefulSet", "postgresql").deepCopy();
        redis.withObjectProperty("metadata").put("name", "redis").withObjectProperty("labels")
                .put(ManifestRules.NAME_LABEL, "redis");
        redis.withObjectProperty("spec").withObjectProperty("selector").withObjectProperty("matchLabels")
                .put(ManifestRules.NAME_LABEL, "redis");
        ((ObjectNode) redis.at("/spec/template/metadata/labels")).put(ManifestRules.NAME_LABEL, "redis");
        ((ObjectNode) redis.at("/spec/template/spec/containers/0")).put("image", "redis:7");
        objects.add(redis);
        assertViolation("StatefulSet/redis container postgresql: image must be clusterlogs/redis:0.1.0 (other images");

        container("StatefulSet", "postgresql").put("image", "postgres:latest");
        assertViolation("StatefulSet/postgresql container postgresql: image must be postgres:16-alpine");
    }

    @Test
    void thirdPartyWorkloadsFollowTheSecurityRules() {
        ObjectNode postgres = container("StatefulSet", "postgresql");
        ((ObjectNode) postgres.path("securityContext")).put("readOnlyRootFilesystem", false);
        postgres.remove("livenessProbe");
        ((ObjectNode) postgres.path("resources")).remove("limits");
        assertViolation("StatefulSet/postgresql container postgresql: readOnlyRootFilesystem must be true");
        assertViolation("StatefulSet/postgresql container postgresql: livenessProbe must run a command");
        assertViolation("StatefulSet/postgresql container postgresql: missing resources.limits.memory");
    }

    @Test
    void onlyAuthServiceAndPolicyServiceReachTheDatabase() {
        ((ArrayNode) object("NetworkPolicy", "postgresql").at("/spec/ingress/0/from")).addObject()
                .putObject("podSelector").putObject("matchLabels").put(ManifestRules.NAME_LABEL, "log-service");
        assertViolation("ingress from {\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"log-service\"}}} "
                + "is not one of postgresql's clients");
        objects.remove(object("NetworkPolicy", "postgresql"));
        assertViolation("StatefulSet/postgresql: no NetworkPolicy limits ingress to its pods");
    }

    @Test
    void authServiceAnswersTheSuiteOnly() {
        ObjectNode peer = (ObjectNode) object("NetworkPolicy", "auth-service")
                .at("/spec/ingress/0/from/0/podSelector/matchLabels");
        peer.removeAll().put(ManifestRules.PART_OF_LABEL, "clusterlogs");
        assertViolation("is not one of auth-service's clients");
        assertViolation("Deployment/auth-service: no NetworkPolicy lets log-service in");
    }

    @Test
    void theIngressPassesStreamsOnToDiscoveryServiceOnly() {
        ObjectNode annotations = (ObjectNode) object("Ingress", "discovery-service").at("/metadata/annotations");
        annotations.put(IngressRules.PREFIX + "proxy-buffering", "on");
        assertViolation("proxy-buffering must be \"off\"");
        annotations.put(IngressRules.PREFIX + "proxy-read-timeout", "15");
        assertViolation("proxy-read-timeout must be a number of seconds above log-service's 15 s ping, got '15'");
        annotations.remove(IngressRules.PREFIX + "proxy-send-timeout");
        assertViolation("proxy-send-timeout must be a number of seconds above");
        ((ObjectNode) object("Ingress", "discovery-service").at("/spec/rules/0/http/paths/0/backend/service"))
                .put("name", "auth-service");
        assertViolation("a backend other than discovery-service's http port");
    }
}
