package org.clusterlogs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs deploy/make-secrets.sh as an operator would, with real openssl, against a fake
 * {@code kubectl} on the PATH: it answers {@code get} from a list of existing objects, records
 * what it is asked to {@code create}, and fails every other command.
 */
final class MakeSecrets {

    static final Path SCRIPT = Path.of("..", "deploy", "make-secrets.sh").toAbsolutePath().normalize();

    /** Database settings for prod, which takes them from the environment. */
    static final Map<String, String> PROD_DB = Map.of(
            "AUTH_DB_URL", "jdbc:postgresql://db.example:5432/clusterlogs_auth",
            "AUTH_DB_USERNAME", "clusterlogs",
            "AUTH_DB_PASSWORD", "from-the-operator",
            "POLICY_DB_URL", "jdbc:postgresql://db.example:5432/clusterlogs_policy",
            "POLICY_DB_USERNAME", "clusterlogs_policy",
            "POLICY_DB_PASSWORD", "also-from-the-operator");

    private static final String FAKE_KUBECTL = """
            #!/usr/bin/env bash
            # Fake kubectl for deploy-checks: records calls, answers get (a jsonpath from data/<kind>-<name>),
            # records create; patch is only recorded (in calls).
            dir=$(dirname "$0")
            printf '%s\\n' "$*" >>"$dir/calls"
            [ ! -e "$dir/fail" ] || { echo "fake kubectl: cluster unreachable" >&2; exit 1; }
            args=("$@")
            for i in "${!args[@]}"; do
              case "${args[$i]}" in
                get) case "$*" in
                       *jsonpath=*) cat "$dir/data/${args[$((i + 1))]}-${args[$((i + 2))]}"; exit ;;
                     esac
                     grep -qx "${args[$((i + 1))]}/${args[$((i + 2))]}" "$dir/existing" \\
                       && echo "${args[$((i + 1))]}/${args[$((i + 2))]}"; exit 0 ;;
                patch) exit 0 ;;
                create) [ "${args[$((i + 1))]}" = -f ] || break
                        { echo "---"; cat "${args[$((i + 2))]}"; } >>"$dir/created"; exit 0 ;;
              esac
            done
            echo "fake kubectl: unexpected call: $*" >&2
            exit 2
            """;

    /** What one run did: its exit code and output, the kubectl calls, and the objects it created. */
    record Run(int exit, String stdout, String stderr, List<String> calls, List<JsonNode> created) {

        /** The Secrets it created (or, in a dry run, printed): name → key → decoded value. */
        Map<String, Map<String, byte[]>> secrets() {
            return secretsIn(created);
        }
    }

    private MakeSecrets() {
    }

    /**
     * Runs the script with {@code args}; {@code existing} are the objects the fake cluster holds
     * ({@code secret/<name>}, {@code namespace/<name>}); {@code env} is added to the environment.
     */
    static Run run(List<String> args, Collection<String> existing, Map<String, String> env, boolean kubectlFails) {
        return run(args, existing, Map.of(), env, kubectlFails);
    }

    /**
     * {@link #run}, where {@code data} answers {@code kubectl get <kind> <name> -o jsonpath=...}:
     * {@code "<kind>-<name>"} → what it prints.
     */
    static Run run(List<String> args, Collection<String> existing, Map<String, String> data, Map<String, String> env,
                   boolean kubectlFails) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fake-kubectl");
            Files.createDirectory(dir.resolve("data"));
            for (Map.Entry<String, String> answer : data.entrySet()) {
                Files.writeString(dir.resolve("data").resolve(answer.getKey()), answer.getValue());
            }
            Path kubectl = dir.resolve("kubectl");
            Files.writeString(kubectl, FAKE_KUBECTL, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwx------"));
            Files.write(dir.resolve("existing"), existing);
            if (kubectlFails) {
                Files.createFile(dir.resolve("fail"));
            }
            List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(dir.resolve("stdout").toFile())
                    .redirectError(dir.resolve("stderr").toFile());
            builder.environment().keySet().removeAll(PROD_DB.keySet());
            builder.environment().remove("AUTH_BOOTSTRAP_UID");
            builder.environment().putAll(env);
            builder.environment().put("PATH", dir + File.pathSeparator + System.getenv("PATH"));
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("make-secrets.sh " + args + " did not finish in 120 s");
            }
            String stdout = read(dir.resolve("stdout"));
            String created = read(dir.resolve("created"));
            boolean dryRun = args.contains("--dry-run");
            return new Run(process.exitValue(), stdout, read(dir.resolve("stderr")),
                    read(dir.resolve("calls")).lines().toList(), Yaml.read(dryRun ? stdout : created));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The Secrets a dry run for {@code overlay} prints, as name → keys (prod with {@link #PROD_DB}). */
    static Map<String, Set<String>> madeFor(String overlay) {
        Run run = run(List.of(overlay, "--dry-run"), List.of(), overlay.equals("prod") ? PROD_DB : Map.of(), false);
        if (run.exit() != 0) {
            throw new AssertionError("make-secrets.sh " + overlay + " --dry-run failed: " + run.stderr());
        }
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        run.secrets().forEach((name, data) -> keys.put(name, data.keySet()));
        return keys;
    }

    static Map<String, Map<String, byte[]>> secretsIn(List<JsonNode> objects) {
        Map<String, Map<String, byte[]>> secrets = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            if (ManifestRules.kind(object).equals("Secret")) {
                Map<String, byte[]> data = new LinkedHashMap<>();
                object.path("data").properties().forEach(entry ->
                        data.put(entry.getKey(), Base64.getDecoder().decode(entry.getValue().asText())));
                secrets.put(ManifestRules.name(object), data);
            }
        }
        return secrets;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
