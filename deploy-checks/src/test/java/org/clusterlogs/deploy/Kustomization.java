package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a kustomization.yaml this test can follow without kustomize: resources (files
 * and bases), namespace, labels and patch references. Patches themselves are not applied.
 */
final class Kustomization {

    static final String FILE_NAME = "kustomization.yaml";

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PriorityClass", "StorageClass", "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration");

    private final Path dir;
    private final JsonNode doc;

    private Kustomization(Path dir, JsonNode doc) {
        this.dir = dir;
        this.doc = doc;
    }

    static Kustomization load(Path dir) {
        List<JsonNode> docs = Yaml.read(dir.resolve(FILE_NAME));
        if (docs.size() != 1) {
            throw new IllegalArgumentException(dir.resolve(FILE_NAME) + " must hold one document");
        }
        return new Kustomization(dir.normalize(), docs.get(0));
    }

    Path dir() {
        return dir;
    }

    static boolean isClusterScoped(String kind) {
        return CLUSTER_SCOPED.contains(kind);
    }

    /** Resource entries that are files. */
    List<Path> resourceFiles() {
        List<Path> files = new ArrayList<>();
        for (JsonNode entry : doc.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (!Files.isDirectory(path)) {
                files.add(path);
            }
        }
        return files;
    }

    /** Resource entries that are other kustomizations. */
    List<Kustomization> bases() {
        List<Kustomization> bases = new ArrayList<>();
        for (JsonNode entry : doc.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                bases.add(load(path));
            }
        }
        return bases;
    }

    /** The {@code patches} entries, each with an optional {@code path} and {@code target}. */
    List<JsonNode> patches() {
        List<JsonNode> patches = new ArrayList<>();
        doc.path("patches").forEach(patches::add);
        return patches;
    }

    List<Path> patchFiles() {
        List<Path> files = new ArrayList<>();
        for (JsonNode patch : patches()) {
            if (patch.hasNonNull("path")) {
                files.add(dir.resolve(patch.get("path").asText()).normalize());
            }
        }
        return files;
    }

    /** The objects kustomize starts from before patching: bases first, then own files, with labels and namespace. */
    List<ObjectNode> objects() {
        List<ObjectNode> objects = new ArrayList<>();
        for (Kustomization base : bases()) {
            objects.addAll(base.objects());
        }
        for (Path file : resourceFiles()) {
            for (JsonNode object : Yaml.read(file)) {
                objects.add((ObjectNode) object.deepCopy());
            }
        }
        for (ObjectNode object : objects) {
            applyLabels(object);
            applyNamespace(object);
        }
        return objects;
    }

    private void applyLabels(ObjectNode object) {
        for (JsonNode entry : doc.path("labels")) {
            boolean selectors = entry.path("includeSelectors").asBoolean(false);
            boolean templates = selectors || entry.path("includeTemplates").asBoolean(false);
            addLabels(object, entry.path("pairs"), templates, selectors);
        }
        addLabels(object, doc.path("commonLabels"), true, true);
    }

    private static void addLabels(ObjectNode object, JsonNode pairs, boolean templates, boolean selectors) {
        JsonNode spec = object.path("spec");
        for (Map.Entry<String, JsonNode> pair : pairs.properties()) {
            labelsOf(object).set(pair.getKey(), pair.getValue());
            if (templates && spec.has("template")) {
                labelsOf(object.withObjectProperty("spec").withObjectProperty("template"))
                        .set(pair.getKey(), pair.getValue());
            }
            if (selectors && spec.path("selector").has("matchLabels")) {
                object.withObjectProperty("spec").withObjectProperty("selector").withObjectProperty("matchLabels")
                        .set(pair.getKey(), pair.getValue());
            } else if (selectors && "Service".equals(object.path("kind").asText())) {
                object.withObjectProperty("spec").withObjectProperty("selector").set(pair.getKey(), pair.getValue());
            }
        }
    }

    private static ObjectNode labelsOf(ObjectNode object) {
        return object.withObjectProperty("metadata").withObjectProperty("labels");
    }

    private void applyNamespace(ObjectNode object) {
        if (doc.hasNonNull("namespace") && !isClusterScoped(object.path("kind").asText())) {
            object.withObjectProperty("metadata").set("namespace", doc.get("namespace"));
        }
    }
}
