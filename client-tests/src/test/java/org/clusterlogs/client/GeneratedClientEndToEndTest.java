package org.clusterlogs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterlogs.client.auth.api.AuthApi;
import org.clusterlogs.client.auth.api.UsersApi;
import org.clusterlogs.client.auth.model.LoginRequest;
import org.clusterlogs.client.auth.model.NewUser;
import org.clusterlogs.client.discovery.api.DiscoveryApi;
import org.clusterlogs.client.logs.JSON;
import org.clusterlogs.client.logs.model.Entry;
import org.clusterlogs.client.policy.api.DeploymentsApi;
import org.clusterlogs.client.policy.api.PoliciesApi;
import org.clusterlogs.client.policy.model.DeployedSet;
import org.clusterlogs.client.policy.model.Deployment;
import org.clusterlogs.client.policy.model.DeploymentRequest;
import org.clusterlogs.client.policy.model.PolicySummary;
import org.clusterlogs.testing.OpenApiContract;
import org.clusterlogs.testing.process.LocalCluster;
import org.clusterlogs.testing.process.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client generated from openapi/ (and only it) against the four packaged services, through
 * the cluster's entry point: what a user of the contracts does first. Each call below fails to
 * compile or to run when the committed contract and the services part ways.
 */
class GeneratedClientEndToEndTest {

    private static final String TEXT = "text/plain";
    private static final String EVENTS = "text/event-stream";

    @TempDir
    static Path work;
    private static LocalCluster cluster;
    private static ClusterClients clients;
    private static String token;

    @BeforeAll
    static void startClusterAndLogIn() throws Exception {
        cluster = LocalCluster.start(work);
        clients = new ClusterClients(cluster.url());
        token = new AuthApi(clients.anonymousAuth())
                .login(new LoginRequest().uid(LocalCluster.ADMIN).password(cluster.adminPassword()))
                .getToken();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void logsInThroughTheEntryPointAndAWrongPasswordIsA401() {
        assertFalse(token.isBlank());
        org.clusterlogs.client.auth.ApiException wrong = assertThrows(org.clusterlogs.client.auth.ApiException.class,
                () -> new AuthApi(clients.anonymousAuth())
                        .login(new LoginRequest().uid(LocalCluster.ADMIN).password("not-" + cluster.adminPassword())));
        assertEquals(401, wrong.getCode());
    }

    @Test
    void readsARangeOfTheTaskLogByFollowingTheRedirectToItsNode() throws Exception {
        DiscoveryApi discovery = new DiscoveryApi(clients.discovery(token));

        // from the start: another test appends to the log
        assertEquals("first\nsecond\n", text(discovery.readTaskLog(LocalCluster.TASK_NAME,
                "BEG", null, 2L, null, null, TEXT)));
        assertEquals("second\n", text(discovery.readTaskLog(LocalCluster.TASK_NAME,
                "BEG", 1L, 1L, null, null, TEXT)));
        assertEquals("first\n", text(discovery.readTaskLog(LocalCluster.TASK_ID,
                "BEG", null, 1L, null, null, TEXT)));
    }

    @Test
    void aTaskLogReadWithoutATokenIsA401() {
        DiscoveryApi anonymous = new DiscoveryApi(
                new org.clusterlogs.client.discovery.ApiClient().setBasePath(cluster.url()));
        org.clusterlogs.client.discovery.ApiException denied = assertThrows(
                org.clusterlogs.client.discovery.ApiException.class,
                () -> anonymous.readTaskLog(LocalCluster.TASK_NAME, null, null, null, null, null, TEXT));
        assertEquals(401, denied.getCode());
    }

    @Test
    void aUserWithoutThePermissionGetsA403() throws Exception {
        String uid = "client-tests-reader";
        String password = "reader-password";
        new UsersApi(clients.auth(token)).createUser(uid, new NewUser().password(password).description("no grants"));
        String readerToken = new AuthApi(clients.anonymousAuth()).login(new LoginRequest().uid(uid).password(password))
                .getToken();

        org.clusterlogs.client.discovery.ApiException denied = assertThrows(
                org.clusterlogs.client.discovery.ApiException.class,
                () -> new DiscoveryApi(clients.discovery(readerToken))
                        .readTaskLog(LocalCluster.TASK_NAME, null, null, null, null, null, TEXT));
        assertEquals(403, denied.getCode());
    }

    @Test
    void followsTheTaskLogAndSeesAnAppendedLineArrive() throws Exception {
        DiscoveryApi discovery = new DiscoveryApi(clients.discovery(token));
        String line = "appended while followed";
        try (ServerSentEvents events = new ServerSentEvents(discovery.readTaskLog(LocalCluster.TASK_NAME,
                "BEG", null, null, null, null, EVENTS))) {
            List<Entry> seen = new ArrayList<>();
            seen.add(entry(events.next()));
            seen.add(entry(events.next()));
            cluster.append("stdout", line + "\n");
            seen.add(entry(events.next()));

            assertEquals(List.of("first", "second", line),
                    seen.stream().map(e -> e.getFields().get("MESSAGE")).toList());
            assertTrue(seen.stream().allMatch(e -> e.getCursor() != null && !e.getCursor().isBlank()),
                    "every followed entry carries its cursor");
        }
    }

    @Test
    void resumesAFollowAfterTheLastEventIdItSaw() throws Exception {
        DiscoveryApi discovery = new DiscoveryApi(clients.discovery(token));
        String firstId;
        try (ServerSentEvents events = new ServerSentEvents(discovery.readTaskLog(LocalCluster.TASK_NAME,
                "BEG", null, null, null, null, EVENTS))) {
            firstId = events.next().orElseThrow().id();
        }
        try (ServerSentEvents events = new ServerSentEvents(discovery.readTaskLog(LocalCluster.TASK_NAME,
                null, null, null, null, firstId, EVENTS))) {
            assertEquals("second", entry(events.next()).getFields().get("MESSAGE"));
        }
    }

    @Test
    void createsAndDeploysAPolicyAndReadsTheDeployedSet() throws Exception {
        org.clusterlogs.client.policy.ApiClient client = clients.policy(token);
        String name = "ClientTestsAudit";
        String environment = "client-tests";
        PolicySummary stored = new PoliciesApi(client).putPolicy(name, "<MessageLogging name=\"" + name + "\"><Syslog>"
                + "<Message>{request.verb} {request.uri} {response.status.code}</Message>"
                + "<Host>127.0.0.1</Host><Port>9</Port><Protocol>TCP</Protocol></Syslog></MessageLogging>");
        assertEquals(name, stored.getName());

        DeploymentsApi deployments = new DeploymentsApi(client);
        Deployment deployed = deployments.deployPolicy(environment, name,
                new DeploymentRequest().revision(stored.getRevision()));
        assertEquals(stored.getRevision(), deployed.getRevision());

        DeployedSet set = deployments.getDeployedSet(environment, null, null);
        assertEquals(environment, set.getEnvironment());
        assertEquals(List.of(name), set.getDeployments().stream().map(Deployment::getName).toList());
        assertEquals(List.of(stored.getRevision()),
                set.getDeployments().stream().map(Deployment::getRevision).toList());
    }

    /** The packaged jars run the production profile, which the services' own contract tests do not. */
    @Test
    void eachPackagedServiceServesItsCommittedContract() {
        Map<String, ServiceProcess> services = Map.of("auth-service", cluster.authService(),
                "log-service", cluster.logService(), "discovery-service", cluster.discoveryService(),
                "policy-service", cluster.policyService());
        services.forEach((name, service) -> OpenApiContract.assertServedEquals(name, service.url()));
    }

    private static String text(InputStream body) throws IOException {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Entry entry(Optional<ServerSentEvents.Event> event) {
        assertTrue(event.isPresent(), "the stream ended early");
        return JSON.getGson().fromJson(event.get().data(), Entry.class);
    }
}
