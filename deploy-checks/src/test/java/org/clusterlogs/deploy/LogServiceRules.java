package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What log-service's pod needs from the node: its port and memory limit, the node's log
 * directories mounted read-only at the paths its configuration names, and a Mesos agent id that
 * is not the node name.
 */
final class LogServiceRules {

    /** Environment variable (its config key) → host directory mounted read-only at the same path. */
    static final Map<String, String> LOG_DIRECTORIES = Map.of(
            "LOGS_PODS_ROOT", "/var/log/pods",
            "LOGS_SANDBOX_ROOT", "/var/lib/mesos/slave/slaves",
            "LOGS_JOURNAL_DIR", "/var/log/journal",
            "LOGS_COMPONENTS_DIR", "/var/log/components");

    /** journald's directory when it keeps the journal in memory only; an overlay may point LOGS_JOURNAL_DIR at it. */
    static final String VOLATILE_JOURNAL = "/run/log/journal";

    private final String id;
    private final JsonNode pod;
    private final JsonNode container;
    private final List<String> violations = new ArrayList<>();

    private LogServiceRules(String id, JsonNode pod) {
        this.id = id;
        this.pod = pod;
        this.container = pod.path("containers").path(0);
    }

    /** The violations of log-service's pod spec {@code pod}, each starting with {@code id}. */
    static List<String> check(String id, JsonNode pod) {
        LogServiceRules rules = new LogServiceRules(id, pod);
        rules.checkContainer();
        return rules.violations;
    }

    private void checkContainer() {
        if (!"512Mi".equals(container.at("/resources/limits/memory").asText())) {
            violations.add(id + ": memory limit must be 512Mi");
        }
        if (!ManifestRules.hasPort(container, IntNode.valueOf(8181))) {
            violations.add(id + ": must serve port 8181");
        }
        JsonNode nodeId = ManifestRules.env(container, "LOGS_NODE_ID");
        if (!"spec.nodeName".equals(nodeId.at("/valueFrom/fieldRef/fieldPath").asText())) {
            violations.add(id + ": LOGS_NODE_ID must come from the field spec.nodeName");
        }
        for (Map.Entry<String, String> directory : LOG_DIRECTORIES.entrySet()) {
            String path = directory.getValue();
            if (!path.equals(ManifestRules.env(container, directory.getKey()).path("value").asText())) {
                violations.add(id + ": " + directory.getKey() + " must be " + path);
            }
            checkHostDirectory(path);
        }
        checkHostDirectory(VOLATILE_JOURNAL);
        checkAgentId();
    }

    /**
     * The agent id must not be the node name: LOGS_MESOS_AGENT_ID, when set, is a literal id, not
     * a field of the pod; when it is not set, log-service reads the {@code latest} link in
     * {@code <work_dir>/meta/slaves}, the work dir being the sandbox root's parent, so that
     * directory must be mounted at that path.
     */
    private void checkAgentId() {
        JsonNode agentId = ManifestRules.env(container, "LOGS_MESOS_AGENT_ID");
        if (agentId.has("valueFrom")) {
            violations.add(id + ": LOGS_MESOS_AGENT_ID must be the agent's id, not a field of the pod ("
                    + agentId.path("valueFrom") + ")");
        }
        if (agentId.path("value").asText().isEmpty()) {
            String sandboxRoot = ManifestRules.env(container, "LOGS_SANDBOX_ROOT").path("value").asText();
            Path parent = Path.of(sandboxRoot.isEmpty() ? "/" : sandboxRoot).getParent();
            String metaSlaves = (parent == null ? Path.of("/") : parent).resolve("meta/slaves").toString();
            if (!isHostDirectoryReadOnly(metaSlaves)) {
                violations.add(id + ": without LOGS_MESOS_AGENT_ID, the agent's " + metaSlaves
                        + " (beside LOGS_SANDBOX_ROOT) must be mounted read-only from the host, at the same path");
            }
        }
    }

    private void checkHostDirectory(String path) {
        if (!isHostDirectoryReadOnly(path)) {
            violations.add(id + ": the host's " + path + " must be mounted read-only at the same path (hostPath)");
        }
    }

    /** Whether the host's {@code path} is mounted read-only at {@code path} in the container. */
    private boolean isHostDirectoryReadOnly(String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (!path.equals(mount.path("mountPath").asText()) || !mount.path("readOnly").asBoolean(false)) {
                continue;
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText())
                        && path.equals(volume.path("hostPath").path("path").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
