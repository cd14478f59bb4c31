package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the namespace is fenced: its Pod Security Standards labels fit what its workloads need
 * (hostPath volumes need "privileged"), and log-service pods are reachable only from
 * discovery-service and Prometheus, only on their port.
 */
final class IsolationRules {

    static final String PSS = "pod-security.kubernetes.io/";
    static final Set<String> PSS_LEVELS = Set.of("privileged", "baseline", "restricted");

    /** The namespace label that marks where Prometheus runs, and Prometheus' pod label. */
    static final Map<String, String> SCRAPER_NAMESPACE = Map.of("clusterlogs.io/metrics-scraper", "true");
    static final Map<String, String> SCRAPER_POD = Map.of(ManifestRules.NAME_LABEL, "prometheus");

    static final int LOG_SERVICE_PORT = 8181;

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
        JsonNode logService = rules.workload("DaemonSet", "log-service");
        if (logService != null) {
            rules.checkLogServiceIngress(logService);
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
     * Some NetworkPolicy selects log-service pods for Ingress, and no policy that selects them
     * lets in anything but discovery-service pods of the namespace and Prometheus (by its
     * namespace and pod labels), on the log-service port over TCP.
     */
    private void checkLogServiceIngress(JsonNode logService) {
        String namespace = logService.path("metadata").path("namespace").asText();
        JsonNode podLabels = logService.at("/spec/template/metadata/labels");
        boolean fenced = false;
        boolean discoveryAllowed = false;
        boolean scraperAllowed = false;
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
                checkPorts(id, rule.path("ports"));
                if (rule.path("from").isEmpty()) {
                    violations.add(id + ": an ingress rule without 'from' lets every source in");
                }
                for (JsonNode peer : rule.path("from")) {
                    if (isDiscoveryService(peer, namespace)) {
                        discoveryAllowed = true;
                    } else if (isScraper(peer)) {
                        scraperAllowed = true;
                    } else {
                        violations.add(id + ": ingress from " + peer + " is neither discovery-service nor Prometheus");
                    }
                }
            }
        }
        if (!fenced) {
            violations.add("DaemonSet/log-service: no NetworkPolicy limits ingress to its pods");
            return;
        }
        if (!discoveryAllowed) {
            violations.add("DaemonSet/log-service: no NetworkPolicy lets discovery-service in");
        }
        if (!scraperAllowed) {
            violations.add("DaemonSet/log-service: no NetworkPolicy lets Prometheus in (namespace label "
                    + SCRAPER_NAMESPACE + ", pod label " + SCRAPER_POD + ")");
        }
    }

    private void checkPorts(String id, JsonNode ports) {
        if (ports.isEmpty()) {
            violations.add(id + ": an ingress rule without 'ports' opens every port");
        }
        for (JsonNode port : ports) {
            boolean tcp = port.path("protocol").asText("TCP").equals("TCP");
            boolean ours = port.path("port").asInt(-1) == LOG_SERVICE_PORT || port.path("port").asText().equals("http");
            if (!tcp || !ours || port.has("endPort")) {
                violations.add(id + ": ingress port " + port + " is not TCP " + LOG_SERVICE_PORT);
            }
        }
    }

    /** A peer that is exactly the discovery-service pods of the namespace (no other workload matches). */
    private boolean isDiscoveryService(JsonNode peer, String namespace) {
        if (peer.has("namespaceSelector") || peer.has("ipBlock") || !peer.has("podSelector")) {
            return false;
        }
        List<String> matched = new ArrayList<>();
        for (JsonNode object : objects) {
            if (ManifestRules.WORKLOADS.contains(ManifestRules.kind(object))
                    && namespace.equals(object.path("metadata").path("namespace").asText())
                    && selects(peer.path("podSelector"), object.at("/spec/template/metadata/labels"))) {
                matched.add(ManifestRules.name(object));
            }
        }
        return matched.equals(List.of("discovery-service"));
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
