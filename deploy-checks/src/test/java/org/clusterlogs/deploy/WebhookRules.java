package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Admission webhooks: each calls, over HTTPS, a Service of the suite on a port whose target
 * container serves TLS with a certificate from a mounted Secret, at a POST path of that service's
 * contract in openapi/; it only answers (sideEffects None, v1 reviews), fails closed within 10 s,
 * and reviews only the suite's own custom resources. Its caBundle is not in the manifests:
 * make-secrets.sh writes it into the cluster, from the CA of the certificate it made.
 */
final class WebhookRules {

    static final Set<String> KINDS = Set.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");
    static final Path OPENAPI = Path.of("..", "openapi").toAbsolutePath().normalize();
    private static final int MAX_TIMEOUT_SECONDS = 10;

    private final List<? extends JsonNode> objects;
    private final List<String> violations = new ArrayList<>();

    private WebhookRules(List<? extends JsonNode> objects) {
        this.objects = objects;
    }

    static List<String> check(List<? extends JsonNode> objects) {
        WebhookRules rules = new WebhookRules(objects);
        for (JsonNode object : objects) {
            if (KINDS.contains(ManifestRules.kind(object))) {
                for (JsonNode webhook : object.path("webhooks")) {
                    rules.checkWebhook(ManifestRules.id(object) + " webhook " + webhook.path("name").asText(),
                            webhook);
                }
            }
        }
        return rules.violations;
    }

    private void checkWebhook(String where, JsonNode webhook) {
        if (!texts(webhook.path("admissionReviewVersions")).equals(List.of("v1"))) {
            violations.add(where + ": admissionReviewVersions must be [v1]");
        }
        if (!"None".equals(webhook.path("sideEffects").asText())) {
            violations.add(where + ": sideEffects must be None (a webhook only answers)");
        }
        if (!"Fail".equals(webhook.path("failurePolicy").asText())) {
            violations.add(where + ": failurePolicy must be Fail (nothing unchecked while policy-service is down)");
        }
        int timeout = webhook.path("timeoutSeconds").asInt(-1);
        if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
            violations.add(where + ": timeoutSeconds must be set, 1 to " + MAX_TIMEOUT_SECONDS);
        }
        JsonNode clientConfig = webhook.path("clientConfig");
        if (clientConfig.has("caBundle")) {
            violations.add(where + ": caBundle is not kept in the manifests; make-secrets.sh writes it into the cluster");
        }
        checkRules(where, webhook.path("rules"));
        JsonNode target = clientConfig.path("service");
        if (target.isMissingNode() || clientConfig.has("url")) {
            violations.add(where + ": must call a Service of the suite (clientConfig.service), not a URL");
            return;
        }
        checkService(where, target);
    }

    /** Only the suite's custom resources, each defined by a CRD here, on create and update. */
    private void checkRules(String where, JsonNode rules) {
        if (rules.isEmpty()) {
            violations.add(where + ": no rules");
        }
        for (JsonNode rule : rules) {
            if (!texts(rule.path("apiGroups")).equals(List.of(ManifestRules.SUITE_API_GROUP))) {
                violations.add(where + ": reviews only " + ManifestRules.SUITE_API_GROUP + " resources");
            }
            if (!Set.of("CREATE", "UPDATE").containsAll(texts(rule.path("operations")))
                    || rule.path("operations").isEmpty()) {
                violations.add(where + ": operations must be CREATE and/or UPDATE");
            }
            for (String resource : texts(rule.path("resources"))) {
                if (find("CustomResourceDefinition", resource + "." + ManifestRules.SUITE_API_GROUP) == null) {
                    violations.add(where + ": resource " + resource + " has no CustomResourceDefinition here");
                }
            }
        }
    }

    private void checkService(String where, JsonNode target) {
        String name = target.path("name").asText();
        if (!ManifestRules.NAMESPACE.equals(target.path("namespace").asText())) {
            violations.add(where + ": the Service's namespace must be " + ManifestRules.NAMESPACE);
        }
        JsonNode service = find("Service", name);
        if (service == null) {
            violations.add(where + ": calls Service " + name + ", which is not defined here");
            return;
        }
        int port = target.path("port").asInt(443);
        JsonNode servicePort = null;
        for (JsonNode candidate : service.at("/spec/ports")) {
            if (candidate.path("port").asInt() == port) {
                servicePort = candidate;
            }
        }
        if (servicePort == null) {
            violations.add(where + ": Service " + name + " has no port " + port);
            return;
        }
        JsonNode targetPort = servicePort.has("targetPort") ? servicePort.get("targetPort") : servicePort.path("port");
        for (JsonNode workload : SecretRules.workloads(objects)) {
            if (ManifestRules.contains(workload.at("/spec/template/metadata/labels"), service.at("/spec/selector"))) {
                checkServer(where, workload, targetPort, target.path("path").asText());
            }
        }
    }

    /** The container behind the port listens there with TLS, and serves the path. */
    private void checkServer(String where, JsonNode workload, JsonNode targetPort, String path) {
        String app = ManifestRules.name(workload);
        for (JsonNode container : workload.at("/spec/template/spec/containers")) {
            if (!ManifestRules.hasPort(container, targetPort)) {
                continue;
            }
            int containerPort = containerPort(container, targetPort);
            if (ManifestRules.env(container, "QUARKUS_HTTP_SSL_PORT").path("value").asInt(-1) != containerPort) {
                violations.add(where + ": " + app + " must listen with TLS on " + containerPort
                        + " (QUARKUS_HTTP_SSL_PORT)");
            }
            for (String file : List.of("QUARKUS_HTTP_SSL_CERTIFICATE_FILES", "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES")) {
                String value = ManifestRules.env(container, file).path("value").asText();
                if (!inSecretVolume(workload, container, value)) {
                    violations.add(where + ": " + app + " " + file + " must be a file of a mounted Secret (is '"
                            + value + "')");
                }
            }
            if (!servesPost(app, path)) {
                violations.add(where + ": path " + path + " is not a POST operation of openapi/" + app + ".yaml");
            }
            return;
        }
        violations.add(where + ": no container of " + ManifestRules.id(workload) + " has port " + targetPort);
    }

    private static int containerPort(JsonNode container, JsonNode port) {
        for (JsonNode declared : container.path("ports")) {
            if (port.asText().equals(declared.path("name").asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        return port.asInt();
    }

    private static boolean inSecretVolume(JsonNode workload, JsonNode container, String file) {
        for (JsonNode mount : container.path("volumeMounts")) {
            String dir = mount.path("mountPath").asText() + "/";
            if (!file.startsWith(dir)) {
                continue;
            }
            for (JsonNode volume : workload.at("/spec/template/spec/volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("secret")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean servesPost(String app, String path) {
        Path contract = OPENAPI.resolve(app + ".yaml");
        if (path.isEmpty() || !Files.isRegularFile(contract)) {
            return false;
        }
        return Yaml.read(contract).get(0).path("paths").path(path).has("post");
    }

    private JsonNode find(String kind, String name) {
        for (JsonNode object : objects) {
            if (ManifestRules.kind(object).equals(kind) && ManifestRules.name(object).equals(name)) {
                return object;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
