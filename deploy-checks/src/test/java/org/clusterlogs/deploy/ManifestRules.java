package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every set of objects under deploy/ follows (a kustomization's objects, or what
 * kustomize renders). {@link #check} returns the violations, each naming its object.
 */
final class ManifestRules {

    static final String NAMESPACE = "clusterlogs";
    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String PART_OF_LABEL = "app.kubernetes.io/part-of";

    static final Set<String> WORKLOADS = Set.of("Deployment", "DaemonSet", "StatefulSet");

    /**
     * The only workloads not built from this repository, by name, with the one image each may run.
     * They follow the same security rules; their probes may be any kind (they have no /q/health).
     */
    static final Map<String, String> THIRD_PARTY_IMAGES = Map.of("postgresql", "postgres:16-alpine");
    private static final Set<String> READ_ONLY_VERBS = Set.of("get", "list", "watch");
    /** The API group of the suite's custom resources (MessageLoggingPolicy). */
    static final String SUITE_API_GROUP = "logging.clusterlogs.org";
    private static final Set<String> STATUS_VERBS = Set.of("patch", "update");

    private final List<? extends JsonNode> objects;
    private final List<String> violations = new ArrayList<>();

    private ManifestRules(List<? extends JsonNode> objects) {
        this.objects = objects;
    }

    static List<String> check(List<? extends JsonNode> objects) {
        ManifestRules rules = new ManifestRules(objects);
        for (JsonNode object : objects) {
            rules.checkObject(object);
        }
        rules.violations.addAll(IsolationRules.check(objects));
        rules.violations.addAll(SecretRules.check(objects));
        rules.violations.addAll(AuthRules.check(objects));
        rules.violations.addAll(IngressRules.check(objects));
        rules.violations.addAll(WebhookRules.check(objects));
        rules.violations.addAll(MessageLoggingRules.check(objects));
        return rules.violations;
    }

    static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return kind(object) + "/" + name(object);
    }

    private void checkObject(JsonNode object) {
        String id = id(object);
        if (kind(object).isEmpty() || name(object).isEmpty() || !object.hasNonNull("apiVersion")) {
            violations.add(id + ": needs apiVersion, kind and metadata.name");
        }
        checkLabels(id, object.path("metadata").path("labels"));
        String namespace = object.path("metadata").path("namespace").asText();
        if (!Kustomization.isClusterScoped(kind(object)) && !NAMESPACE.equals(namespace)) {
            violations.add(id + ": namespace is '" + namespace + "', not " + NAMESPACE);
        }
        switch (kind(object)) {
            case "Deployment", "DaemonSet", "StatefulSet" -> checkWorkload(id, object);
            case "Service" -> checkService(id, object);
            case "ClusterRole", "Role" -> checkReadOnly(id, object);
            case "ClusterRoleBinding", "RoleBinding" -> checkBinding(id, object);
            default -> {
            }
        }
        if (kind(object).equals("DaemonSet") && name(object).equals("log-service")) {
            violations.addAll(LogServiceRules.check(id, object.path("spec").path("template").path("spec")));
        }
    }

    private void checkLabels(String where, JsonNode labels) {
        if (labels.path(NAME_LABEL).asText().isEmpty()) {
            violations.add(where + ": missing label " + NAME_LABEL);
        }
        if (!NAMESPACE.equals(labels.path(PART_OF_LABEL).asText())) {
            violations.add(where + ": label " + PART_OF_LABEL + " must be " + NAMESPACE);
        }
    }

    private void checkWorkload(String id, JsonNode workload) {
        String app = workload.path("metadata").path("labels").path(NAME_LABEL).asText();
        JsonNode template = workload.path("spec").path("template");
        JsonNode templateLabels = template.path("metadata").path("labels");
        checkLabels(id + " pod template", templateLabels);
        if (!app.equals(templateLabels.path(NAME_LABEL).asText())) {
            violations.add(id + ": pod template " + NAME_LABEL + " differs from the workload's");
        }
        JsonNode selector = workload.path("spec").path("selector").path("matchLabels");
        if (selector.isEmpty() || !contains(templateLabels, selector)) {
            violations.add(id + ": selector.matchLabels must be non-empty and match the pod template labels");
        }
        JsonNode pod = template.path("spec");
        if (pod.path("hostNetwork").asBoolean(false)) {
            violations.add(id + ": must not use the host network");
        }
        if (!pod.path("serviceAccountName").asText().isEmpty()
                && find("ServiceAccount", pod.path("serviceAccountName").asText()) == null) {
            violations.add(id + ": service account " + pod.path("serviceAccountName").asText() + " is not defined");
        }
        JsonNode containers = pod.path("containers");
        if (containers.isEmpty()) {
            violations.add(id + ": no containers");
        }
        for (JsonNode container : containers) {
            checkContainer(id + " container " + container.path("name").asText(), app, pod, container);
        }
    }

    private void checkContainer(String where, String app, JsonNode pod, JsonNode container) {
        String thirdParty = THIRD_PARTY_IMAGES.get(app);
        String image = thirdParty != null ? thirdParty : "clusterlogs/" + app + ":0.1.0";
        if (!image.equals(container.path("image").asText())) {
            violations.add(where + ": image must be " + image
                    + (thirdParty != null ? "" : " (other images only by name from " + THIRD_PARTY_IMAGES + ")"));
        }
        if (thirdParty != null) {
            checkAnyProbe(where, container, "livenessProbe");
            checkAnyProbe(where, container, "readinessProbe");
        } else {
            checkProbe(where, container, "livenessProbe", "/q/health/live");
            checkProbe(where, container, "readinessProbe", "/q/health/ready");
        }
        for (String quantity : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
            if (container.at("/resources/" + quantity).asText().isEmpty()) {
                violations.add(where + ": missing resources." + quantity.replace('/', '.'));
            }
        }
        JsonNode security = container.path("securityContext");
        boolean nonRoot = security.path("runAsNonRoot").asBoolean(false)
                || pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
        if (!nonRoot) {
            violations.add(where + ": must run with runAsNonRoot: true");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
            violations.add(where + ": allowPrivilegeEscalation must be false");
        }
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
            violations.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (!containsText(security.path("capabilities").path("drop"), "ALL")) {
            violations.add(where + ": must drop ALL capabilities");
        }
    }

    private void checkProbe(String where, JsonNode container, String probe, String path) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        if (!path.equals(httpGet.path("path").asText())) {
            violations.add(where + ": " + probe + " must GET " + path);
        } else if (!hasPort(container, httpGet.path("port"))) {
            violations.add(where + ": " + probe + " port " + httpGet.path("port") + " is not a container port");
        }
    }

    /** A probe of any handler: an exec command, or an HTTP, TCP or gRPC check of a container port. */
    private void checkAnyProbe(String where, JsonNode container, String probe) {
        JsonNode handler = container.path(probe);
        if (handler.path("exec").path("command").isEmpty()) {
            JsonNode port = handler.path("httpGet").path("port");
            port = port.isMissingNode() ? handler.path("tcpSocket").path("port") : port;
            port = port.isMissingNode() ? handler.path("grpc").path("port") : port;
            if (!hasPort(container, port)) {
                violations.add(where + ": " + probe + " must run a command or check a container port");
            }
        }
    }

    private void checkService(String id, JsonNode service) {
        JsonNode selector = service.path("spec").path("selector");
        JsonNode target = null;
        for (JsonNode object : objects) {
            if (WORKLOADS.contains(kind(object))
                    && contains(object.path("spec").path("template").path("metadata").path("labels"), selector)) {
                target = object;
            }
        }
        if (selector.isEmpty() || target == null) {
            violations.add(id + ": selector matches no workload");
            return;
        }
        for (JsonNode port : service.path("spec").path("ports")) {
            JsonNode targetPort = port.has("targetPort") ? port.get("targetPort") : port.path("port");
            boolean served = false;
            for (JsonNode container : target.path("spec").path("template").path("spec").path("containers")) {
                served |= hasPort(container, targetPort);
            }
            if (!served) {
                violations.add(id + ": targetPort " + targetPort + " is not a port of " + id(target));
            }
        }
    }

    /**
     * Roles read; the one write allowed is the status of the suite's own custom resources (a
     * controller reports there), and only in a rule that names nothing else.
     */
    private void checkReadOnly(String id, JsonNode role) {
        for (JsonNode rule : role.path("rules")) {
            boolean ownStatus = texts(rule.path("apiGroups")).equals(Set.of(SUITE_API_GROUP))
                    && !rule.path("resources").isEmpty() && texts(rule.path("resources")).stream()
                    .allMatch(resource -> resource.endsWith("/status") && !resource.startsWith("*"));
            for (JsonNode verb : rule.path("verbs")) {
                boolean allowed = READ_ONLY_VERBS.contains(verb.asText())
                        || ownStatus && STATUS_VERBS.contains(verb.asText());
                if (!allowed) {
                    violations.add(id + ": verb '" + verb.asText() + "' is not read-only"
                            + (STATUS_VERBS.contains(verb.asText()) ? " (writes are allowed only on the status of "
                            + SUITE_API_GROUP + " resources, in a rule of their own)" : ""));
                }
            }
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private void checkBinding(String id, JsonNode binding) {
        String roleKind = binding.path("roleRef").path("kind").asText();
        if (find(roleKind, binding.path("roleRef").path("name").asText()) == null) {
            violations.add(id + ": roleRef names no " + roleKind + " defined here");
        }
        for (JsonNode subject : binding.path("subjects")) {
            String name = subject.path("name").asText();
            JsonNode account = find("ServiceAccount", name);
            if (account == null || !subject.path("namespace").asText()
                    .equals(account.path("metadata").path("namespace").asText())) {
                violations.add(id + ": subject " + name + " is not a service account defined here, in its namespace");
            }
        }
    }

    private JsonNode find(String kind, String name) {
        for (JsonNode object : objects) {
            if (kind(object).equals(kind) && name(object).equals(name)) {
                return object;
            }
        }
        return null;
    }

    static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        return MissingNode.getInstance();
    }

    /** A probe or Service port: a container port name, or its number. */
    static boolean hasPort(JsonNode container, JsonNode port) {
        for (JsonNode declared : container.path("ports")) {
            if (port.isTextual() && port.asText().equals(declared.path("name").asText())
                    || port.canConvertToInt() && port.asInt() == declared.path("containerPort").asInt(-1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code labels} has every pair of {@code subset}. */
    static boolean contains(JsonNode labels, JsonNode subset) {
        for (Map.Entry<String, JsonNode> pair : subset.properties()) {
            if (!pair.getValue().asText().equals(labels.path(pair.getKey()).asText())) {
                return false;
            }
        }
        return true;
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
