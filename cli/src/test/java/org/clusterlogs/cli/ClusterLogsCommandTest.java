package org.clusterlogs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.clusterlogs.testing.process.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code clusterlogs} end to end: its commands, run in this JVM as the jar runs them, against the
 * four packaged services as processes ({@link LocalCluster}), through the cluster's one address.
 */
class ClusterLogsCommandTest {

    /** How long a test waits for what a follow must print before it fails (not a speed requirement). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    private static LocalCluster cluster;
    private static String token;

    @BeforeAll
    static void startTheCluster() throws Exception {
        cluster = LocalCluster.start(work);
        token = cluster.adminToken();
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLoginStoresTheTokenOwnerOnlyAndTheNextCommandUsesIt() throws Exception {
        Path config = work.resolve("config-" + UUID.randomUUID());
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());
        CliRun login = new CliRun(env, cluster.adminPassword() + "\n");
        assertEquals(0, login.execute("login", "--url", cluster.url(), "--uid", "admin", "--password-stdin"), login.err());

        Path file = config.resolve("clusterlogs/config.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.readString(file).contains(cluster.adminPassword()), "the password is not stored");

        CliRun log = new CliRun(env, "");
        assertEquals(0, log.execute("task", "log", "nginx", "--lines", "1"), log.err());
        assertEquals("second\n", log.out());
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsStored() {
        Path config = work.resolve("config-" + UUID.randomUUID());
        CliRun login = new CliRun(Map.of("XDG_CONFIG_HOME", config.toString()), "wrong\n");
        assertEquals(1, login.execute("login", "--url", cluster.url(), "--uid", "admin", "--password-stdin"));
        assertTrue(login.err().contains("login refused"), login.err());
        assertFalse(Files.exists(config.resolve("clusterlogs/config.json")));
    }

    @Test
    void tasksListsTheTaskWithItsAgent() {
        CliRun tasks = run("tasks");
        assertTrue(tasks.out().lines().anyMatch(line -> line.startsWith(LocalCluster.TASK_ID + " ")
                && line.contains(LocalCluster.TASK_NAME) && line.endsWith(LocalCluster.AGENT_ID)), tasks.out());
        assertTrue(tasks.out().startsWith("ID "), tasks.out());
        assertFalse(run("tasks", "no-such-task").out().contains(LocalCluster.TASK_NAME));
    }

    @Test
    void aFollowAcrossALostNodeAndALogServiceRestartPrintsEveryLineOnceInOrder() throws Exception {
        cluster.append("follow.log", "one\n");
        CliRun follow = new CliRun(environment(), "");
        Thread command = new Thread(() -> follow.execute("task", "log", "nginx", "follow.log", "--lines", "1", "--follow"));
        command.start();
        try {
            await(() -> follow.out().equals("one\n"), follow);
            cluster.append("follow.log", "two\n");
            await(() -> follow.out().endsWith("two\n"), follow);

            cluster.killLogService();
            await(() -> follow.err().contains("connection lost"), follow);
            cluster.append("follow.log", "three\n");
            cluster.startLogServiceAgain();
            await(() -> follow.out().endsWith("three\n"), follow);
            cluster.append("follow.log", "four\n");
            await(() -> follow.out().endsWith("four\n"), follow);

            cluster.restartLogService();
            cluster.append("follow.log", "five\nsix\n");
            await(() -> follow.out().endsWith("six\n"), follow);
        } finally {
            follow.stop();
            command.join(PATIENCE.toMillis());
        }
        assertFalse(command.isAlive(), "the follow ends when stopped");
        assertEquals(0, follow.exit(), follow.err());
        assertEquals(List.of("one", "two", "three", "four", "five", "six"), follow.out().lines().toList());
    }

    /**
     * {@code logs QUERY} over discovery's merged stream: a range and a follow of every matching
     * task, each line behind its task's prefix, the task's {@code added} event on stderr, and the
     * follow resumed from the merged id across a log-service restart with every line once.
     */
    @Test
    void logsReadsTheMatchingTasksAsOneLabelledLogAndFollowsItAcrossARestart() throws Exception {
        String prefix = LocalCluster.TASK_NAME + "/" + LocalCluster.TASK_ID.substring(LocalCluster.TASK_ID.length() - 5) + "| ";
        cluster.append("merged.log", "m-one\n");
        CliRun range = run("logs", LocalCluster.TASK_NAME, "--file", "merged.log");
        assertEquals(0, range.exit(), range.err());
        assertEquals(prefix + "m-one\n", range.out());

        CliRun follow = new CliRun(environment(), "");
        Thread command = new Thread(() -> follow.execute("logs", LocalCluster.TASK_NAME, "--file", "merged.log", "--lines", "1",
                "--follow"));
        command.start();
        try {
            await(() -> follow.out().equals(prefix + "m-one\n"), follow);
            await(() -> follow.err().contains("clusterlogs: [added] " + prefix.substring(0, prefix.length() - 2)
                    + " on node " + LocalCluster.AGENT_ID + "\n"), follow);
            cluster.append("merged.log", "m-two\n");
            await(() -> follow.out().endsWith(prefix + "m-two\n"), follow);

            cluster.restartLogService();
            cluster.append("merged.log", "m-three\n");
            await(() -> follow.out().endsWith(prefix + "m-three\n"), follow);
        } finally {
            follow.stop();
            command.join(PATIENCE.toMillis());
        }
        assertFalse(command.isAlive(), "the follow ends when stopped");
        assertEquals(0, follow.exit(), follow.err());
        assertEquals(List.of("m-one", "m-two", "m-three").stream().map(line -> prefix + line).toList(), follow.out().lines().toList());
    }

    /** Two tasks of one name: every line of both behind its own task's prefix, in text and as NDJSON naming the task. */
    @Test
    void logsLabelsTheLinesOfEachTaskAndJsonNamesTheTask() throws Exception {
        cluster.addTask(0, "cart", "cart.a1b2c");
        cluster.addTask(0, "cart", "cart.d3e4f");
        cluster.appendTo("cart.a1b2c", "stdout", "one of a\ntwo of a\n");
        cluster.appendTo("cart.d3e4f", "stdout", "one of d\n");
        List<String> expected = List.of("cart/a1b2c| one of a", "cart/a1b2c| two of a", "cart/d3e4f| one of d");
        CliRun text = run("logs", "cart");
        for (long deadline = System.nanoTime() + PATIENCE.toNanos(); text.out().lines().count() < 3 && System.nanoTime() < deadline; ) {
            Thread.sleep(200); // discovery reads the new tasks within a second
            text = run("logs", "cart");
        }
        assertEquals(0, text.exit(), text.err());
        assertEquals(expected, text.out().lines().sorted().toList());
        assertTrue(text.out().indexOf("two of a") > text.out().indexOf("one of a"), "a task's lines keep their order");

        CliRun json = run("logs", "cart", "--json", "--grep", "^one");
        assertEquals(0, json.exit(), json.err());
        List<String> tasks = new ArrayList<>();
        for (String line : json.out().lines().toList()) {
            tasks.add(new ObjectMapper().readTree(line).path("fields").path("TASK_ID").asText());
        }
        Collections.sort(tasks);
        assertEquals(List.of("cart.a1b2c", "cart.d3e4f"), tasks);
    }

    /** --grep and --since are log-service's: only matching lines come back, and a file without time refuses since. */
    @Test
    void grepSelectsTheMatchingLinesAndAFileRefusesSince() {
        CliRun grep = run("task", "log", LocalCluster.TASK_NAME, "--grep", "^sec");
        assertEquals(0, grep.exit(), grep.err());
        assertEquals("second\n", grep.out());

        CliRun badRegex = run("task", "log", LocalCluster.TASK_NAME, "--grep", "(unclosed");
        assertEquals(1, badRegex.exit());
        assertTrue(badRegex.err().startsWith("clusterlogs: the server answered 400 BadParameter: "), badRegex.err());

        CliRun since = run("task", "log", LocalCluster.TASK_NAME, "--since", "10m");
        assertEquals(1, since.exit());
        assertTrue(since.err().startsWith("clusterlogs: the server answered 400 BadParameter: "), since.err());
        assertEquals("", since.out());
    }

    @Test
    void aNodesLogIsReadThroughTheAgentRoute() throws Exception {
        Files.createDirectories(work.resolve("components"));
        Files.writeString(work.resolve("components/demo.service.log"), "booted\nready\n");
        CliRun node = run("node", "log", LocalCluster.AGENT_ID, "demo.service", "--lines", "1");
        assertEquals(0, node.exit(), node.err());
        assertEquals("ready\n", node.out());
    }

    @Test
    void aGoodPolicyIsAppliedThenDeployed() throws Exception {
        CliRun apply = run("policy", "apply", resource("audit-file.xml"));
        assertEquals(0, apply.exit(), apply.err());
        assertTrue(apply.out().matches("policy AuditFile: revision \\d+\\n"), apply.out());

        CliRun deploy = run("policy", "deploy", "AuditFile", "--env", "test", "--services", "log-service");
        assertEquals(0, deploy.exit(), deploy.err());
        assertTrue(deploy.out().startsWith("policy AuditFile revision "), deploy.out());
        assertTrue(deploy.out().contains("deployed to test for log-service"), deploy.out());
    }

    @Test
    void aPolicyTheValidatorRefusesPrintsItsMessageAndExitsOne() throws Exception {
        CliRun apply = run("policy", "apply", resource("bad-port.xml"));
        assertEquals(1, apply.exit());
        assertTrue(apply.err().contains("Invalid Port: 0 for Syslog handler in policy LogToSyslog."), apply.err());
        assertEquals("", apply.out());
    }

    @Test
    void badArgumentsPrintTheUsageOnStderrAndExitTwo() {
        for (String[] arguments : List.of(new String[] {}, new String[] {"task", "log"}, new String[] {"tasks", "--limit", "many"},
                new String[] {"task", "log", "nginx", "--filter", "nocolon"}, new String[] {"policy", "deploy", "AuditFile"},
                new String[] {"no-such-command"})) {
            CliRun run = new CliRun(environment(), "");
            assertEquals(2, run.execute(arguments), String.join(" ", arguments));
            assertTrue(run.err().contains("Usage: clusterlogs"), String.join(" ", arguments) + ": " + run.err());
            assertEquals("", run.out(), String.join(" ", arguments));
        }
    }

    @Test
    void withoutATokenTheCommandExitsOneWithTheLoginHint() {
        CliRun run = new CliRun(Map.of("XDG_CONFIG_HOME", work.resolve("config-" + UUID.randomUUID()).toString(),
                "CLUSTERLOGS_URL", cluster.url()), "");
        assertEquals(1, run.execute("task", "log", "nginx"));
        assertEquals("clusterlogs: not logged in or token expired: run clusterlogs login\n", run.err());
    }

    @Test
    void aTokenTheServerRefusesGivesTheLoginHintAndTheEnvironmentWinsOverTheConfigFile() {
        Path config = work.resolve("config-" + UUID.randomUUID());
        CliRun login = new CliRun(Map.of("XDG_CONFIG_HOME", config.toString()), cluster.adminPassword());
        assertEquals(0, login.execute("login", "--url", cluster.url(), "--uid", "admin", "--password-stdin"), login.err());
        CliRun run = new CliRun(Map.of("XDG_CONFIG_HOME", config.toString(), "CLUSTERLOGS_TOKEN", "not.a.token"), "");
        assertEquals(1, run.execute("tasks"));
        assertTrue(run.err().contains("not logged in or token expired: run clusterlogs login"), run.err());
    }

    @Test
    void aUserWithoutThePermissionIsForbidden() throws Exception {
        String password = UUID.randomUUID().toString();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(cluster.url() + "/acs/api/v1/users/reader"))
                .header("Authorization", "token=" + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + password + "\",\"description\":\"no grants\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", work.resolve("config-" + UUID.randomUUID()).toString());
        CliRun login = new CliRun(env, password);
        assertEquals(0, login.execute("login", "--url", cluster.url(), "--uid", "reader", "--password-stdin"), login.err());

        CliRun run = new CliRun(env, "");
        assertEquals(1, run.execute("task", "log", "nginx"));
        assertTrue(run.err().startsWith("clusterlogs: forbidden: "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownTaskIsNotFound() {
        CliRun run = run("task", "log", "no-such-task");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("clusterlogs: task not found: "), run.err());
    }

    @Test
    void anUnreachableClusterIsANetworkFailure() {
        CliRun run = new CliRun(Map.of("CLUSTERLOGS_URL", "http://127.0.0.1:9", "CLUSTERLOGS_TOKEN", token,
                "XDG_CONFIG_HOME", work.toString()), "");
        assertEquals(1, run.execute("tasks"));
        assertTrue(run.err().startsWith("clusterlogs: network failure: cannot reach http://127.0.0.1:9/"), run.err());
    }

    // ------------------------------------------------------------------------------------ helpers

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("CLUSTERLOGS_URL", cluster.url());
        env.put("CLUSTERLOGS_TOKEN", token);
        env.put("XDG_CONFIG_HOME", work.resolve("no-config").toString());
        return env;
    }

    /** Runs a command to its end with the admin's token in the environment. */
    private static CliRun run(String... arguments) {
        CliRun run = new CliRun(environment(), "");
        run.execute(arguments);
        return run;
    }

    private static String resource(String name) throws Exception {
        return Path.of(ClusterLogsCommandTest.class.getResource("/" + name).toURI()).toString();
    }

    private static void await(Supplier<Boolean> condition, CliRun follow) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("the follow printed:\n" + follow.out() + "\nstderr:\n" + follow.err() + "\n" + cluster.output());
            }
            Thread.sleep(50);
        }
    }
}
