package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MessageLogging in every workload built from this repository: each follows the deployed set at
 * policy-service's plain HTTP port through a Service defined here, names a valid environment, and
 * keeps its state file and its file destinations on a writable emptyDir (the root filesystem is
 * read-only, so the defaults under the working directory would fail).
 */
final class MessageLoggingRules {

    static final String POLICY_SERVICE = "policy-service";
    /** message-logging's default {@code messagelogging.file.root}. */
    static final String DEFAULT_FILE_ROOT = "/var/log/clusterlogs/messagelogging";
    /** policy-service's rule for environment names. */
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final List<? extends JsonNode> objects;
    private final List<String> violations = new ArrayList<>();

    private MessageLoggingRules(List<? extends JsonNode> objects) {
        this.objects = objects;
    }

    static List<String> check(List<? extends JsonNode> objects) {
        MessageLoggingRules rules = new MessageLoggingRules(objects);
        for (JsonNode workload : SecretRules.workloads(objects)) {
            if (ManifestRules.THIRD_PARTY_IMAGES.containsKey(ManifestRules.name(workload))) {
                continue;
            }
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                rules.checkContainer(ManifestRules.id(workload) + " container " + container.path("name").asText(),
                        workload, container);
            }
        }
        return rules.violations;
    }

    private void checkContainer(String where, JsonNode workload, JsonNode container) {
        String url = ManifestRules.env(container, "MESSAGELOGGING_POLICY_SERVICE_URL").path("value").asText();
        if (!reachesPolicyServiceOverHttp(url)) {
            violations.add(where + ": MESSAGELOGGING_POLICY_SERVICE_URL must be http://<Service>:<port> of "
                    + POLICY_SERVICE + "'s HTTP port (is '" + url + "')");
        }
        String environment = ManifestRules.env(container, "MESSAGELOGGING_ENVIRONMENT").path("value").asText();
        if (!ENVIRONMENT.matcher(environment).matches()) {
            violations.add(where + ": MESSAGELOGGING_ENVIRONMENT must name an environment (is '" + environment + "')");
        }
        String stateFile = ManifestRules.env(container, "MESSAGELOGGING_STATE_FILE").path("value").asText();
        if (!onEmptyDir(workload, container, stateFile)) {
            violations.add(where + ": MESSAGELOGGING_STATE_FILE must be on an emptyDir mount (is '" + stateFile
                    + "')");
        }
        String fileRoot = ManifestRules.env(container, "MESSAGELOGGING_FILE_ROOT").path("value")
                .asText(DEFAULT_FILE_ROOT);
        if (!onEmptyDir(workload, container, fileRoot + "/")) {
            violations.add(where + ": the MessageLogging file root " + fileRoot + " must be an emptyDir mount");
        }
    }

    private boolean reachesPolicyServiceOverHttp(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            return false;
        }
        JsonNode service = find("Service", uri.getHost());
        JsonNode policyService = find("Deployment", POLICY_SERVICE);
        if (service == null || policyService == null || !ManifestRules.contains(
                policyService.at("/spec/template/metadata/labels"), service.at("/spec/selector"))) {
            return false;
        }
        JsonNode container = policyService.at("/spec/template/spec/containers/0");
        int tlsPort = ManifestRules.env(container, "QUARKUS_HTTP_SSL_PORT").path("value").asInt(-1);
        for (JsonNode port : service.at("/spec/ports")) {
            JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.path("port");
            if (port.path("port").asInt() == uri.getPort() && ManifestRules.hasPort(container, target)) {
                return containerPort(container, target) != tlsPort;
            }
        }
        return false;
    }

    private static int containerPort(JsonNode container, JsonNode port) {
        for (JsonNode declared : container.path("ports")) {
            if (port.asText().equals(declared.path("name").asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        return port.asInt();
    }

    /** {@code path} is below (or, ending in /, is) the mount of an emptyDir volume. */
    private static boolean onEmptyDir(JsonNode workload, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (!path.startsWith(mount.path("mountPath").asText() + "/") || mount.path("readOnly").asBoolean(false)) {
                continue;
            }
            for (JsonNode volume : workload.at("/spec/template/spec/volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode find(String kind, String name) {
        for (JsonNode object : objects) {
            if (ManifestRules.kind(object).equals(kind) && ManifestRules.name(object).equals(name)) {
                return object;
            }
        }
        return null;
    }
}
