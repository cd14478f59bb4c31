package org.clusterlogs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules for log-service's mounts, its agent id, the namespace's Pod Security labels and
 * the NetworkPolicy, each shown to fail on a copy of base with one mistake in it.
 */
class RulesCatchMistakesTest {

    private static final Path BASE = Path.of("..", "deploy", "base").toAbsolutePath().normalize();

    private List<ObjectNode> objects;

    @BeforeEach
    void base() {
        objects = Kustomization.load(BASE).objects();
        assertEquals(List.of(), ManifestRules.check(objects), "base itself follows the rules");
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

    private void assertViolation(String expected) {
        List<String> violations = ManifestRules.check(objects);
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation containing '" + expected + "', got " + violations);
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
        assertViolation("is neither discovery-service nor Prometheus");
        assertViolation("no NetworkPolicy lets discovery-service in");
    }

    @Test
    void prometheusNeedsBothItsNamespaceAndPodLabel() {
        ((ObjectNode) networkPolicy().at("/spec/ingress/0/from/1")).remove("podSelector");
        assertViolation("is neither discovery-service nor Prometheus");
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
}
