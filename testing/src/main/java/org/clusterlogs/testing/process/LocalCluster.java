package org.clusterlogs.testing.process;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The four packaged services as processes on loopback, authentication on, wired as in a cluster:
 * the entry point a client talks to is discovery-service ({@link #url()}), which redirects and
 * proxies to one node's log-service and forwards to auth-service and policy-service. For
 * end-to-end tests of the suite's clients (console, CLI, generated client).
 *
 * <ul>
 *   <li>auth-service with a superuser {@code admin} ({@link #adminPassword()}) and a service
 *       account per service, which its bootstrap grants the policy query and
 *       {@code dcos:adminrouter:ops:policies read} (they follow the deployed MessageLogging
 *       policies);</li>
 *   <li>one node, or several ({@link #start(Path, int)}): node 0 is log-service of agent
 *       {@link #AGENT_ID} at 127.0.0.1, serving a sandbox in which the task {@link #TASK_NAME} (id
 *       {@link #TASK_ID}) has a {@code stdout} file ({@link #taskFile(String)},
 *       {@link #append(String, String)}); node i is another log-service at 127.0.0.(i+1) on the
 *       same port, agent {@link #agentId(int)}, with its own sandbox root, as the nodes of a
 *       cluster;</li>
 *   <li>discovery-service's index: a {@code state.json} ({@link FakeMesosState}) naming the
 *       agents and the tasks, read again every second: {@link #addTask} and
 *       {@link #completeTask} change it while everything runs.</li>
 * </ul>
 * {@link #restartLogService()} kills the node's log-service ({@code kill -9}) and starts it again
 * on the same port, as a node's restart looks to a client. Close it to stop everything.
 */
public final class LocalCluster implements AutoCloseable {

    public static final String AGENT_ID = "2f0c63b1-8e44-4d8a-b7a2-5c1d0e9f3a10-S3";
    public static final String FRAMEWORK_ID = "fw-marathon";
    public static final String TASK_NAME = "nginx";
    public static final String TASK_ID = "nginx.1";
    /** The task's sandbox, relative to the node's sandbox root. */
    public static final String SANDBOX = "frameworks/" + FRAMEWORK_ID + "/executors/" + TASK_ID + "/runs/c-nginx";
    public static final String ADMIN = "admin";
    private static final List<String> SERVICES = List.of("auth-service", "log-service", "discovery-service", "policy-service");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path work;
    private final String adminPassword = UUID.randomUUID().toString();
    private final Map<String, Path> privateKeys = new HashMap<>();
    private final ServiceProcess[] nodes;
    private final FakeMesosState state;
    private ServiceProcess auth;
    private ServiceProcess policy;
    private ServiceProcess discovery;
    private int policyPort;

    private LocalCluster(Path work, int nodes) {
        this.work = work;
        this.nodes = new ServiceProcess[nodes];
        this.state = new FakeMesosState(work.resolve("state.json"));
    }

    /** Starts the four services with their state under {@code work}; the task's stdout holds {@code first\nsecond\n}. */
    public static LocalCluster start(Path work) throws IOException, InterruptedException {
        return start(work, 1);
    }

    /**
     * The same with {@code nodes} log-services (at most 254), node i at 127.0.0.(i+1), all on
     * one port; node 0 has the task {@link #TASK_ID}, the others no task until {@link #addTask}.
     */
    public static LocalCluster start(Path work, int nodes) throws IOException, InterruptedException {
        if (nodes < 1 || nodes > 254) {
            throw new IllegalArgumentException("from 1 to 254 nodes: " + nodes);
        }
        LocalCluster cluster = new LocalCluster(work, nodes);
        try {
            cluster.startAll();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll() throws IOException, InterruptedException {
        Map<String, String> authProperties = new HashMap<>(Map.of(
                "auth.data-dir", work.resolve("auth-data").toString(), "auth.bootstrap.uid", ADMIN));
        for (String account : SERVICES) {
            KeyPair pair = rsaKeyPair();
            privateKeys.put(account, PemFiles.write(work.resolve(account + ".pem"), "PRIVATE KEY", pair.getPrivate().getEncoded()));
            authProperties.put("auth.bootstrap.service-accounts.\"" + account + "\".public-key",
                    PemFiles.write(work.resolve(account + ".pub.pem"), "PUBLIC KEY", pair.getPublic().getEncoded()).toString());
        }
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        policyPort = Ports.freeLoopbackPort();
        int authPort = Ports.freeLoopbackPort();
        authProperties.putAll(common("auth-service", policyPort, "http://127.0.0.1:" + authPort));
        auth = ServiceProcess.start("auth-service", authProperties, Map.of("AUTH_BOOTSTRAP_PASSWORD", adminPassword,
                "AUTH_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(kek)), work, authPort);

        for (int node = 0; node < nodes.length; node++) {
            state.agent(agentId(node), host(node));
        }
        Files.createDirectories(taskFile("stdout").getParent());
        Files.writeString(taskFile("stdout"), "first\nsecond\n");
        state.run(new FakeMesosState.MesosTask(TASK_ID, TASK_NAME, AGENT_ID, SANDBOX.substring(SANDBOX.lastIndexOf('/') + 1)));
        int logPort = Ports.freeLoopbackPort();
        for (int node = 0; node < nodes.length; node++) {
            nodes[node] = startLogService(node, logPort);
        }

        Map<String, String> policyProperties = new HashMap<>(common("policy-service", policyPort, auth.url()));
        policyProperties.put("policy.data-dir", work.resolve("policy-data").toString());
        policy = ServiceProcess.start("policy-service", policyProperties, Map.of(), work, policyPort);

        Map<String, String> discoveryProperties = new HashMap<>(common("discovery-service", policyPort, auth.url()));
        discoveryProperties.put("discovery.mesos.state", state.file().toString());
        discoveryProperties.put("discovery.mesos.refresh", "1s");
        discoveryProperties.put("discovery.merged.requery", "1s");
        discoveryProperties.put("discovery.log-service.port", Integer.toString(logPort));
        discoveryProperties.put("discovery.policy-service.url", policy.url());
        discovery = ServiceProcess.start("discovery-service", discoveryProperties, Map.of(), work);
    }

    /**
     * What every service is started with: its account, auth-service's and policy-service's
     * addresses, and its own MessageLogging file root and state file.
     */
    private Map<String, String> common(String service, int policyPort, String authUrl) {
        Map<String, String> properties = new HashMap<>();
        properties.put("auth.url", authUrl);
        properties.put("auth.service-account.uid", service);
        properties.put("auth.service-account.private-key", privateKeys.get(service).toString());
        properties.put("messagelogging.policy-service.url", "http://127.0.0.1:" + policyPort);
        properties.put("messagelogging.file.root", work.resolve("messagelogging").resolve(service).toString());
        properties.put("messagelogging.state-file", work.resolve("messagelogging-state").resolve(service + ".json").toString());
        return properties;
    }

    private ServiceProcess startLogService(int node, int port) throws IOException, InterruptedException {
        Path root = nodeRoot(node);
        Map<String, String> properties = new HashMap<>(common("log-service", policyPort, auth.url()));
        properties.put("logs.mesos-agent-id", agentId(node));
        properties.put("logs.sandbox-root", root.resolve("sandbox").toString());
        properties.put("logs.pods-root", root.resolve("pods").toString());
        properties.put("logs.components-dir", root.resolve("components").toString());
        properties.put("logs.journal-dir", root.resolve("journal").toString());
        return ServiceProcess.start("log-service", properties, Map.of(), work, host(node), port);
    }

    /** Node 0 keeps its files directly under the work directory, as the one node always did. */
    private Path nodeRoot(int node) {
        return node == 0 ? work : work.resolve("node-" + node);
    }

    private static String host(int node) {
        return "127.0.0." + (node + 1);
    }

    /** The agent id of node {@code node}: node 0's is {@link #AGENT_ID}. */
    public static String agentId(int node) {
        return node == 0 ? AGENT_ID : AGENT_ID.substring(0, AGENT_ID.lastIndexOf("-S")) + "-S" + (3 + node);
    }

    public int nodes() {
        return nodes.length;
    }

    /** The Mesos state discovery reads. */
    public FakeMesosState mesosState() {
        return state;
    }

    /**
     * A running command task on {@code node} with an empty {@code stdout}; discovery sees it at its
     * next refresh (a second).
     */
    public FakeMesosState.MesosTask addTask(int node, String name, String id) throws IOException {
        FakeMesosState.MesosTask task = new FakeMesosState.MesosTask(id, name, agentId(node), "c-" + id);
        Path stdout = nodeRoot(node).resolve("sandbox").resolve(task.sandbox()).resolve("stdout");
        Files.createDirectories(stdout.getParent());
        if (!Files.exists(stdout)) {
            Files.createFile(stdout);
        }
        state.run(task);
        return task;
    }

    /** The task is over: it moves to the completed tasks of {@code state.json}. */
    public void completeTask(String id) throws IOException {
        state.complete(id);
    }

    /** A file of a task's sandbox on its node. */
    public Path taskFile(String taskId, String file) {
        FakeMesosState.MesosTask task = state.task(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no task " + taskId);
        }
        int node = 0;
        while (!agentId(node).equals(task.agentId())) {
            node++;
        }
        return nodeRoot(node).resolve("sandbox").resolve(task.sandbox()).resolve(file);
    }

    /** Appends text to a file of a task's sandbox, as the task writes it. */
    public void appendTo(String taskId, String file, String text) throws IOException {
        Files.writeString(taskFile(taskId, file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The log-service of node {@code node}. */
    public ServiceProcess logService(int node) {
        return nodes[node];
    }

    /** Kills node {@code node}'s log-service ({@code kill -9}) and starts it again on the same port. */
    public void restartLogService(int node) throws IOException, InterruptedException {
        killLogService(node);
        startLogServiceAgain(node);
    }

    /** Kills node {@code node}'s log-service ({@code kill -9}) without starting it again: a lost node. */
    public void killLogService(int node) throws InterruptedException {
        nodes[node].kill();
    }

    /** Starts node {@code node}'s log-service again on its port after {@link #killLogService(int)}. */
    public void startLogServiceAgain(int node) throws IOException, InterruptedException {
        nodes[node] = startLogService(node, nodes[node].port());
    }

    /** Logs {@code uid} in at {@code baseUrl}'s {@code /acs/api/v1/auth/login}; answers the token. */
    public static String login(String uid, String password, String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/acs/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("uid", uid, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login of " + uid + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("token").asText();
    }

    /** The cluster's entry point: discovery-service. */
    public String url() {
        return discovery.url();
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** A fresh token of the superuser, logged in through the entry point. */
    public String adminToken() throws IOException, InterruptedException {
        return login(ADMIN, adminPassword, url());
    }

    public ServiceProcess authService() {
        return auth;
    }

    public ServiceProcess logService() {
        return nodes[0];
    }

    public ServiceProcess policyService() {
        return policy;
    }

    public ServiceProcess discoveryService() {
        return discovery;
    }

    /** A file of the task's sandbox on the node. */
    public Path taskFile(String name) {
        return work.resolve("sandbox").resolve(SANDBOX).resolve(name);
    }

    /** A component log file of the node ({@code logs.components-dir}), served as the component {@code name}. */
    public Path componentFile(String name) {
        return work.resolve("components").resolve(name + ".log");
    }

    /** Appends text to a file of the task's sandbox, as the task writes it. */
    public void append(String file, String text) throws IOException {
        Files.writeString(taskFile(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Kills the node's log-service ({@code kill -9}) and starts it again on the same port; waits until ready. */
    public void restartLogService() throws IOException, InterruptedException {
        restartLogService(0);
    }

    /** Kills the node's log-service ({@code kill -9}) without starting it again: a lost node. */
    public void killLogService() throws InterruptedException {
        killLogService(0);
    }

    /** Starts the node's log-service again on its port after {@link #killLogService()}. */
    public void startLogServiceAgain() throws IOException, InterruptedException {
        startLogServiceAgain(0);
    }

    /** Every service's output, for a failure message. */
    public String output() {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess service : services()) {
            out.append(service.output()).append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        services().forEach(ServiceProcess::close);
    }

    /** Every service started, the entry point first. */
    private List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>();
        all.add(discovery);
        all.addAll(Arrays.asList(nodes));
        all.add(policy);
        all.add(auth);
        all.removeIf(Objects::isNull);
        return all;
    }

    private static KeyPair rsaKeyPair() {
        try {
            return KeyPairGenerator.getInstance("RSA").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
