package org.clusterlogs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the kustomize manifests in deploy/ without a cluster: every YAML file parses and is
 * used, every object carries the label set, every workload has probes, resource limits and a
 * locked-down security context. Where kubectl is on the PATH, the rendered overlays are
 * checked too (kubectl kustomize works offline).
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

    /** Deployment → its HTTP port. */
    private static final Map<String, Integer> DEPLOYMENTS = Map.of(
            "auth-service", 8180,
            "discovery-service", 8182,
            "policy-service", 8183);

    /** Kustomization root → the overlay argument of make-secrets.sh that makes its Secrets. */
    private static final Map<String, String> SECRETS_FOR = Map.of(
            "base", "prod",
            "overlays/dev", "dev",
            "overlays/prod", "prod");

    /** Overlay → what make-secrets.sh --dry-run makes (Secret → keys), computed once. */
    private static final Map<String, Map<String, Set<String>>> MADE = new ConcurrentHashMap<>();

    /** Kustomization root → replicas of each Deployment once rendered. */
    private static final Map<String, Integer> REPLICAS = Map.of(
            "base", 2,
            "overlays/dev", 1,
            "overlays/prod", 2);

    @Test
    void everyYamlFileParsesAndIsUsedByAKustomization() throws IOException {
        List<Path> files = yamlFiles();
        Set<Path> used = new HashSet<>();
        for (Path file : files) {
            Yaml.read(file);
            if (file.getFileName().toString().equals(Kustomization.FILE_NAME)) {
                Kustomization kustomization = Kustomization.load(file.getParent());
                used.add(file);
                used.addAll(kustomization.resourceFiles());
                used.addAll(kustomization.patchFiles());
            }
        }
        for (Path file : used) {
            assertTrue(Files.isRegularFile(file), "referenced but missing: " + DEPLOY.relativize(file));
        }
        List<Path> unused = new ArrayList<>(files);
        unused.removeAll(used);
        assertEquals(List.of(), unused, "YAML files that no kustomization uses");
    }

    @Test
    void baseHoldsTheWholeSuite() {
        List<ObjectNode> objects = Kustomization.load(DEPLOY.resolve("base")).objects();

        assertNotNull(find(objects, "Namespace", ManifestRules.NAMESPACE));
        for (Map.Entry<String, Integer> service : DEPLOYMENTS.entrySet()) {
            JsonNode deployment = find(objects, "Deployment", service.getKey());
            assertNotNull(deployment, "Deployment " + service.getKey());
            assertEquals(service.getValue(), deployment.at("/spec/template/spec/containers/0/ports/0/containerPort")
                    .asInt(), "port of " + service.getKey());
            JsonNode kubeService = find(objects, "Service", service.getKey());
            assertNotNull(kubeService, "Service " + service.getKey());
            assertEquals(service.getValue(), kubeService.at("/spec/ports/0/port").asInt());
        }
        JsonNode logService = find(objects, "DaemonSet", "log-service");
        assertNotNull(logService, "DaemonSet log-service");
        assertTrue(logService.at("/spec/template/spec/hostNetwork").isBoolean(), "hostNetwork stated explicitly");

        JsonNode reader = find(objects, "ClusterRole", "clusterlogs-discovery-service");
        assertNotNull(reader, "ClusterRole for discovery-service");
        assertEquals("pods", reader.at("/rules/0/resources/0").asText());
        assertEquals(Set.of("get", "list", "watch"), texts(reader.at("/rules/0/verbs")));
        JsonNode binding = find(objects, "ClusterRoleBinding", "clusterlogs-discovery-service");
        assertNotNull(binding, "ClusterRoleBinding for discovery-service");
        assertEquals("discovery-service", binding.at("/subjects/0/name").asText());

        // policy-service's watch: the CRD, and a Role of its namespace for those resources only
        JsonNode crd = find(objects, "CustomResourceDefinition", "messageloggingpolicies." + ManifestRules.SUITE_API_GROUP);
        assertNotNull(crd, "the MessageLoggingPolicy CRD");
        assertEquals("MessageLoggingPolicy", crd.at("/spec/names/kind").asText());
        assertEquals("Namespaced", crd.at("/spec/scope").asText());
        assertTrue(crd.at("/spec/versions/0/subresources/status").isObject(), "the status subresource");
        JsonNode role = find(objects, "Role", "policy-service");
        assertNotNull(role, "Role for policy-service");
        assertEquals(Set.of("messageloggingpolicies"), texts(role.at("/rules/0/resources")));
        assertEquals(Set.of("get", "list", "watch"), texts(role.at("/rules/0/verbs")));
        assertEquals(Set.of("messageloggingpolicies/status"), texts(role.at("/rules/1/resources")));
        assertEquals(Set.of("patch"), texts(role.at("/rules/1/verbs")));
        assertEquals(2, role.path("rules").size(), "nothing else");
        JsonNode roleBinding = find(objects, "RoleBinding", "policy-service");
        assertNotNull(roleBinding, "RoleBinding for policy-service");
        assertEquals("policy-service", roleBinding.at("/subjects/0/name").asText());
        assertEquals("policy-service", roleBinding.at("/roleRef/name").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void objectsFollowTheRules(String root) {
        List<ObjectNode> objects = Kustomization.load(DEPLOY.resolve(root)).objects();
        assertEquals(List.of(), ManifestRules.check(objects), root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everySecretUsedIsMadeByMakeSecrets(String root) {
        List<ObjectNode> objects = Kustomization.load(DEPLOY.resolve(root)).objects();
        assertEquals(List.of(), SecretRules.checkAgainst(objects, made(root)), root);
    }

    @Test
    void theDevDatabaseUrlNamesThePostgresqlOfTheDevOverlay() {
        List<ObjectNode> objects = Kustomization.load(DEPLOY.resolve("overlays/dev")).objects();
        MakeSecrets.Run run = MakeSecrets.run(List.of("dev", "--dry-run"), List.of(), Map.of(), false);
        String url = new String(run.secrets().get("auth-service-db").get("url"), StandardCharsets.UTF_8);
        URI parsed = URI.create(url.substring("jdbc:".length()));

        JsonNode service = find(objects, "Service", parsed.getHost());
        assertNotNull(service, "a Service named like the host of " + url);
        assertEquals(parsed.getPort(), service.at("/spec/ports/0/port").asInt());
        JsonNode postgres = find(objects, "StatefulSet", "postgresql");
        assertNotNull(postgres);
        assertTrue(ManifestRules.contains(postgres.at("/spec/template/metadata/labels"), service.at("/spec/selector")));
        JsonNode database = ManifestRules.env(postgres.at("/spec/template/spec/containers/0"), "POSTGRES_DB");
        assertEquals(parsed.getPath().substring(1), database.path("value").asText());
    }

    @Test
    void theImageRunsWhereAuthServiceConfigIsMounted() throws IOException {
        List<String> workdirs = Files.readAllLines(DEPLOY.resolve("Dockerfile.jvm")).stream()
                .filter(line -> line.startsWith("WORKDIR "))
                .toList();
        assertEquals(List.of("WORKDIR " + AuthRules.APP_DIR), workdirs,
                "Quarkus reads $PWD/config/application.properties; AuthRules expects the ConfigMap there");
    }

    private static Map<String, Set<String>> made(String root) {
        return MADE.computeIfAbsent(SECRETS_FOR.get(root), MakeSecrets::madeFor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void patchesTargetExistingObjects(String root) {
        Kustomization kustomization = Kustomization.load(DEPLOY.resolve(root));
        List<ObjectNode> objects = kustomization.objects();
        for (JsonNode patch : kustomization.patches()) {
            JsonNode target = patch.path("target");
            if (target.isMissingNode()) {
                // A strategic-merge patch names its object itself.
                target = Yaml.read(kustomization.dir().resolve(patch.path("path").asText())).get(0);
                target = ((ObjectNode) target.deepCopy()).put("name", ManifestRules.name(target));
            }
            String kind = target.path("kind").asText();
            String name = target.path("name").asText();
            boolean matched = objects.stream().anyMatch(object -> ManifestRules.kind(object).equals(kind)
                    && (name.isEmpty() || ManifestRules.name(object).equals(name)));
            assertTrue(matched, root + ": patch " + patch + " matches no object");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void renderedByKubectlFollowsTheRules(String root) throws IOException, InterruptedException {
        Path kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not on the PATH; rendered manifests not checked");

        List<JsonNode> rendered = Yaml.read(kustomize(kubectl, DEPLOY.resolve(root)));
        assertEquals(List.of(), ManifestRules.check(rendered), root);
        assertEquals(List.of(), SecretRules.checkAgainst(rendered, made(root)), root);
        for (String name : DEPLOYMENTS.keySet()) {
            JsonNode deployment = find(rendered, "Deployment", name);
            assertNotNull(deployment, root + ": Deployment " + name);
            assertEquals(REPLICAS.get(root), deployment.at("/spec/replicas").asInt(), root + ": replicas of " + name);
        }
        // auth-service's in-cluster database only in dev, and one of it (two would be two databases)
        JsonNode postgres = find(rendered, "StatefulSet", "postgresql");
        assertEquals(root.equals("overlays/dev") ? 1 : -1,
                postgres == null ? -1 : postgres.at("/spec/replicas").asInt(), root + ": PostgreSQL");
    }

    private static String kustomize(Path kubectl, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            assertEquals(0, process.exitValue(), () -> "kubectl kustomize " + dir + " failed: " + read(err));
            return read(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        }
    }

    private static JsonNode find(List<? extends JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(object -> ManifestRules.kind(object).equals(kind) && ManifestRules.name(object).equals(name))
                .findFirst()
                .orElse(null);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
