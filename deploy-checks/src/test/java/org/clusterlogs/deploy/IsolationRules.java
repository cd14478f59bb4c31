package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the namespace is fenced: its Pod Security Standards labels fit what its workloads need
 * (hostPath volumes need "privileged"), and each fenced workload (log-service, auth-service, the
 * dev overlay's PostgreSQL) is reachable only from its own clients, and Prometheus where it is
 * scraped, only on its port.
 */
final class IsolationRules {

    static final String PSS = "pod-security.kubernetes.io/";
    static final Set<String> PSS_LEVELS = Set.of("privileged", "baseline", "restricted");

    /** The namespace label that marks where Prometheus runs, and Prometheus' pod label. */
    static final Map<String, String> SCRAPER_NAMESPACE = Map.of("clusterlogs.io/metrics-scraper", "true");
    static final Map<String, String> SCRAPER_POD = Map.of(ManifestRules.NAME_LABEL, "prometheus");

    /**
     * A workload whose pods NetworkPolicies must fence: who may connect (workloads of the
     * namespace, by name; Prometheus or not), and on which TCP port.
     */
    record Fence(String kind, String name, int port, Set<String> clients, boolean scraped) {
    }

    static final List<Fence> FENCES = List.of(
            new Fence("DaemonSet", "log-service", 8181, Set.of("discovery-service"), true),
            new Fence("Deployment", "auth-service", 8180,
                    Set.of("log-service", "discovery-service", "policy-service"), true),
            new Fence("StatefulSet", "postgresql", 5432, Set.of("auth-service", "policy-service"), false));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<? extends JsonNode> objects;
    private final List<String> violations = new ArrayList<>();

    private IsolationRules(List<? extends JsonNode> objects) {
        this.objects = objects;
    }

    static List<String> check(List<? extends JsonNode> objects) {
        IsolationRules rules = new IsolationRules(objects);
        for (JsonNode object : objects) {
            if (ManifestRules.kind(object).equals("Namespace")) {
                rules.checkPodSecurity(object);
            }
        }
        for (Fence fence : FENCES) {
            JsonNode workload = rules.workload(fence.kind(), fence.name());
            if (workload != null) {
                rules.checkIngress(fence, workload);
            }
        }
        return rules.violations;
    }

    private void checkPodSecurity(JsonNode namespace) {
        String id = ManifestRules.id(namespace);
        JsonNode labels = namespace.path("metadata").path("labels");
        for (String mode : List.of("enforce", "warn", "audit")) {
            String level = labels.path(PSS + mode).asText();
            if (!PSS_LEVELS.contains(level)) {
                violations.add(id + ": label " + PSS + mode + " must be one of " + PSS_LEVELS + ", is '" + level + "'");
            }
        }
        String enforce = labels.path(PSS + "enforce").asText();
        boolean hostPath = usesHostPath(ManifestRules.name(namespace));
        if (hostPath && !enforce.equals("privileged")) {
            violations.add(id + ": a workload here mounts hostPath volumes, which only " + PSS
                    + "enforce: privileged admits");
        }
        if (!hostPath && enforce.equals("privileged")) {
            violations.add(id + ": no workload here needs " + PSS + "enforce: privileged");
        }
        if (enforce.equals("privileged")) {
            for (String mode : List.of("warn", "audit")) {
                if (labels.path(PSS + mode).asText().equals("privileged")) {
                    violations.add(id + ": " + PSS + mode + " must be stricter than the enforced privileged level");
                }
            }
        }
    }

    private boolean usesHostPath(String namespace) {
        for (JsonNode object : objects) {
            if (ManifestRules.WORKLOADS.contains(ManifestRules.kind(object))
                    && namespace.equals(object.path("metadata").path("namespace").asText())) {
                for (JsonNode volume : object.at("/spec/template/spec/volumes")) {
                    if (volume.has("hostPath")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Some NetworkPolicy selects the workload's pods for Ingress, and no policy that selects them
     * lets in anything but its clients (pods of the namespace) and, if it is scraped, Prometheus
     * (by its namespace and pod labels), on its port over TCP.
     */
    private void checkIngress(Fence fence, JsonNode workload) {
        String target = ManifestRules.id(workload);
        String namespace = workload.path("metadata").path("namespace").asText();
        JsonNode podLabels = workload.at("/spec/template/metadata/labels");
        boolean fenced = false;
        Set<String> admitted = new HashSet<>();
        for (JsonNode policy : objects) {
            if (!ManifestRules.kind(policy).equals("NetworkPolicy")
                    || !namespace.equals(policy.path("metadata").path("namespace").asText())
                    || !selects(policy.at("/spec/podSelector"), podLabels)) {
                continue;
            }
            String id = ManifestRules.id(policy);
            if (!containsText(policy.at("/spec/policyTypes"), "Ingress")) {
                continue; // does not restrict ingress; any rules it has are not applied to ingress
            }
            fenced = true;
            for (JsonNode rule : policy.at("/spec/ingress")) {
                checkPorts(id, fence, workload, rule.path("ports"));
                if (rule.path("from").isEmpty()) {
                    violations.add(id + ": an ingress rule without 'from' lets every source in");
                }
                for (JsonNode peer : rule.path("from")) {
                    Set<String> clients = clients(peer, namespace);
                    if (!clients.isEmpty() && fence.clients().containsAll(clients)) {
                        admitted.addAll(clients);
                    } else if (fence.scraped() && isScraper(peer)) {
                        admitted.add("Prometheus");
                    } else {
                        violations.add(id + ": ingress from " + peer + " is not one of " + fence.name() + "'s clients "
                                + fence.clients() + (fence.scraped() ? " nor Prometheus" : ""));
                    }
                }
            }
        }
        if (!fenced) {
            violations.add(target + ": no NetworkPolicy limits ingress to its pods");
            return;
        }
        Set<String> expected = new HashSet<>(fence.clients());
        if (fence.scraped()) {
            expected.add("Prometheus");
        }
        expected.removeAll(admitted);
        for (String client : expected) {
            violations.add(target + ": no NetworkPolicy lets " + client + " in"
                    + (client.equals("Prometheus") ? " (namespace label " + SCRAPER_NAMESPACE + ", pod label "
                    + SCRAPER_POD + ")" : ""));
        }
    }

    private void checkPorts(String id, Fence fence, JsonNode workload, JsonNode ports) {
        if (ports.isEmpty()) {
            violations.add(id + ": an ingress rule without 'ports' opens every port");
        }
        for (JsonNode port : ports) {
            boolean tcp = port.path("protocol").asText("TCP").equals("TCP");
            boolean ours = port.path("port").asInt(-1) == fence.port()
                    || port.path("port").isTextual() && namedPort(workload, port.path("port").asText()) == fence.port();
            if (!tcp || !ours || port.has("endPort")) {
                violations.add(id + ": ingress port " + port + " is not TCP " + fence.port());
            }
        }
    }

    /** The number of a container port declared by name in the workload's pods, or -1. */
    private static int namedPort(JsonNode workload, String name) {
        for (JsonNode container : workload.at("/spec/template/spec/containers")) {
            for (JsonNode declared : container.path("ports")) {
                if (name.equals(declared.path("name").asText())) {
                    return declared.path("containerPort").asInt(-1);
                }
            }
        }
        return -1;
    }

    /** The workloads of the namespace a pod-only peer selects; empty for any other kind of peer. */
    private Set<String> clients(JsonNode peer, String namespace) {
        Set<String> matched = new HashSet<>();
        if (peer.has("namespaceSelector") || peer.has("ipBlock") || !peer.has("podSelector")) {
            return matched;
        }
        for (JsonNode object : objects) {
            if (ManifestRules.WORKLOADS.contains(ManifestRules.kind(object))
                    && namespace.equals(object.path("metadata").path("namespace").asText())
                    && selects(peer.path("podSelector"), object.at("/spec/template/metadata/labels"))) {
                matched.add(ManifestRules.name(object));
            }
        }
        return matched;
    }

    private static boolean isScraper(JsonNode peer) {
        return !peer.has("ipBlock")
                && exactly(peer.path("namespaceSelector"), SCRAPER_NAMESPACE)
                && exactly(peer.path("podSelector"), SCRAPER_POD);
    }

    /** A label selector of only {@code matchLabels}, exactly {@code labels}. */
    private static boolean exactly(JsonNode selector, Map<String, String> labels) {
        if (selector.has("matchExpressions") || selector.path("matchLabels").size() != labels.size()) {
            return false;
        }
        return ManifestRules.contains(selector.path("matchLabels"),
                MAPPER.valueToTree(labels));
    }

    /** Whether a label selector (matchLabels only; expressions are not followed) selects {@code labels}. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        return !selector.isMissingNode() && !selector.has("matchExpressions")
                && ManifestRules.contains(labels, selector.path("matchLabels"));
    }

    private JsonNode workload(String kind, String name) {
        for (JsonNode object : objects) {
            if (ManifestRules.kind(object).equals(kind) && ManifestRules.name(object).equals(name)) {
                return object;
            }
        }
        return null;
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (text.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
