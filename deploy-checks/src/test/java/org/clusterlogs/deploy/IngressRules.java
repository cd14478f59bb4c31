package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An Ingress in front of the suite lets live log streams through: it points at
 * discovery-service (the cluster's one address) only, does not buffer responses or requests,
 * and waits longer than log-service's keep-alive ping (15 s) for the next bytes of a stream
 * (the ingress-nginx annotations).
 */
final class IngressRules {

    static final int PING_SECONDS = 15;
    static final String PREFIX = "nginx.ingress.kubernetes.io/";

    private IngressRules() {
    }

    static List<String> check(List<? extends JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        for (JsonNode object : objects) {
            if (ManifestRules.kind(object).equals("Ingress")) {
                check(ManifestRules.id(object), object, violations);
            }
        }
        return violations;
    }

    private static void check(String id, JsonNode ingress, List<String> violations) {
        JsonNode annotations = ingress.path("metadata").path("annotations");
        for (String buffering : List.of("proxy-buffering", "proxy-request-buffering")) {
            if (!annotations.path(PREFIX + buffering).asText().equals("off")) {
                violations.add(id + ": " + PREFIX + buffering + " must be \"off\" (streams are passed on as they come)");
            }
        }
        for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
            String value = annotations.path(PREFIX + timeout).asText();
            if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) <= PING_SECONDS) {
                violations.add(id + ": " + PREFIX + timeout + " must be a number of seconds above log-service's "
                        + PING_SECONDS + " s ping, got '" + value + "'");
            }
        }
        List<JsonNode> backends = new ArrayList<>();
        if (!ingress.path("spec").path("defaultBackend").isMissingNode()) {
            backends.add(ingress.path("spec").path("defaultBackend"));
        }
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            rule.path("http").path("paths").forEach(path -> backends.add(path.path("backend")));
        }
        if (backends.isEmpty()) {
            violations.add(id + ": no backend");
        }
        for (JsonNode backend : backends) {
            JsonNode service = backend.path("service");
            if (!service.path("name").asText().equals("discovery-service")
                    || !(service.path("port").path("name").asText().equals("http")
                    || service.path("port").path("number").asInt() == 8182)) {
                violations.add(id + ": a backend other than discovery-service's http port: " + backend);
            }
        }
    }
}
