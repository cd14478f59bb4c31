package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How workloads use Secrets: secret volumes are readable by the pod's non-root user and by no
 * one else (mode at most 0440, group = fsGroup); a service-account key Secret
 * ({@code <service>-service-account}) is used only by that service; and, given what
 * deploy/make-secrets.sh creates, every Secret and key a workload names exists.
 */
final class SecretRules {

    static final String SERVICE_ACCOUNT_SUFFIX = "-service-account";
    private static final int MAX_MODE = 0440;

    /** One use of a Secret by a workload: the whole Secret (no key) or one key of it. */
    record SecretRef(String where, String secret, Optional<String> key) {
    }

    private final List<String> violations = new ArrayList<>();

    private SecretRules() {
    }

    /** The rules that need only the manifests. */
    static List<String> check(List<? extends JsonNode> objects) {
        SecretRules rules = new SecretRules();
        for (JsonNode workload : workloads(objects)) {
            rules.checkVolumes(workload);
            for (SecretRef ref : refs(workload)) {
                rules.checkOwnKey(workload, ref);
            }
        }
        return rules.violations;
    }

    /**
     * Every Secret and key the workloads name, in env, volumes and the files their configuration
     * points at ({@link AuthRules#fileRefs}), is in {@code made}: Secret name → its keys.
     */
    static List<String> checkAgainst(List<? extends JsonNode> objects, Map<String, Set<String>> made) {
        List<SecretRef> refs = new ArrayList<>();
        for (JsonNode workload : workloads(objects)) {
            refs.addAll(refs(workload));
        }
        refs.addAll(AuthRules.fileRefs(objects));
        List<String> violations = new ArrayList<>();
        for (SecretRef ref : refs) {
            Set<String> keys = made.get(ref.secret());
            if (keys == null) {
                violations.add(ref.where() + ": Secret " + ref.secret() + " is not made by make-secrets.sh");
            } else if (ref.key().isPresent() && !keys.contains(ref.key().get())) {
                violations.add(ref.where() + ": Secret " + ref.secret() + " has no key " + ref.key().get()
                        + " (make-secrets.sh makes " + keys + ")");
            }
        }
        return violations;
    }

    static List<JsonNode> workloads(List<? extends JsonNode> objects) {
        List<JsonNode> workloads = new ArrayList<>();
        for (JsonNode object : objects) {
            if (ManifestRules.WORKLOADS.contains(ManifestRules.kind(object))) {
                workloads.add(object);
            }
        }
        return workloads;
    }

    /** The Secrets a workload's pods use: env (secretKeyRef, envFrom) and volumes (secret, projected). */
    static List<SecretRef> refs(JsonNode workload) {
        String id = ManifestRules.id(workload);
        JsonNode pod = workload.at("/spec/template/spec");
        List<SecretRef> refs = new ArrayList<>();
        for (String containers : List.of("initContainers", "containers")) {
            for (JsonNode container : pod.path(containers)) {
                String where = id + " container " + container.path("name").asText();
                for (JsonNode variable : container.path("env")) {
                    JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                    if (!ref.isMissingNode()) {
                        refs.add(new SecretRef(where + " env " + variable.path("name").asText(),
                                ref.path("name").asText(), Optional.of(ref.path("key").asText())));
                    }
                }
                for (JsonNode source : container.path("envFrom")) {
                    if (source.has("secretRef")) {
                        refs.add(new SecretRef(where + " envFrom", source.at("/secretRef/name").asText(),
                                Optional.empty()));
                    }
                }
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            String where = id + " volume " + volume.path("name").asText();
            if (volume.has("secret")) {
                addVolumeRefs(refs, where, volume.path("secret").path("secretName").asText(), volume.path("secret"));
            }
            for (JsonNode source : volume.at("/projected/sources")) {
                if (source.has("secret")) {
                    addVolumeRefs(refs, where, source.at("/secret/name").asText(), source.path("secret"));
                }
            }
        }
        return refs;
    }

    private static void addVolumeRefs(List<SecretRef> refs, String where, String secret, JsonNode source) {
        if (source.path("items").isEmpty()) {
            refs.add(new SecretRef(where, secret, Optional.empty()));
        }
        for (JsonNode item : source.path("items")) {
            refs.add(new SecretRef(where, secret, Optional.of(item.path("key").asText())));
        }
    }

    private void checkVolumes(JsonNode workload) {
        String id = ManifestRules.id(workload);
        JsonNode pod = workload.at("/spec/template/spec");
        for (JsonNode volume : pod.path("volumes")) {
            if (!volume.has("secret")) {
                continue;
            }
            String where = id + " volume " + volume.path("name").asText();
            JsonNode secret = volume.path("secret");
            checkMode(where, secret.path("defaultMode"), "defaultMode");
            for (JsonNode item : secret.path("items")) {
                if (item.has("mode")) {
                    checkMode(where, item.path("mode"), "mode of " + item.path("key").asText());
                }
            }
            if (!pod.at("/securityContext/fsGroup").canConvertToInt()) {
                violations.add(where + ": a secret volume needs the pod's securityContext.fsGroup, or its"
                        + " root-owned files are unreadable by the non-root user");
            }
        }
    }

    /** defaultMode set, and no bit beyond owner and group read (0440). */
    private void checkMode(String where, JsonNode mode, String what) {
        int value = mode(mode);
        if (value < 0 || (value & ~MAX_MODE) != 0) {
            violations.add(where + ": " + what + " must be 0440 or 0400 (is " + mode + ")");
        }
    }

    /** A file mode as kustomize renders it (decimal) or as YAML may hold it (octal text "0440"); -1 if absent. */
    static int mode(JsonNode mode) {
        if (mode.isTextual() && mode.asText().matches("0[0-7]+")) {
            return Integer.parseInt(mode.asText(), 8);
        }
        return mode.canConvertToInt() ? mode.asInt() : -1;
    }

    private void checkOwnKey(JsonNode workload, SecretRef ref) {
        String name = ManifestRules.name(workload);
        if (ref.secret().endsWith(SERVICE_ACCOUNT_SUFFIX) && !ref.secret().equals(name + SERVICE_ACCOUNT_SUFFIX)) {
            violations.add(ref.where() + ": uses " + ref.secret() + ", another account's private key; "
                    + name + " may use only " + name + SERVICE_ACCOUNT_SUFFIX);
        }
    }
}
