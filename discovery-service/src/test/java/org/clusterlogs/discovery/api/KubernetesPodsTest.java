package org.clusterlogs.discovery.api;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.clusterlogs.discovery.index.AgentDirectory;
import org.clusterlogs.discovery.testsupport.Eventually;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kubernetes pods as tasks, through the informers against the Kubernetes mock server (CRUD
 * mode): a container redirects to its pod log on its node, the stream files filter it, the node's
 * log-service is the log-service pod's IP there, and a pod created later is found.
 */
@QuarkusTest
@WithKubernetesTestServer
@TestProfile(KubernetesPodsTest.KubernetesOn.class)
class KubernetesPodsTest {

    private static final String TASK = "/system/v1/logs/v2/task/";
    private static final String NGINX_LOG = "/system/v1/agent/node-a/logs/v2/pods/shop/web-7d4b9/nginx";

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    AgentDirectory agents;

    /** Pods as tasks, the log-service DaemonSet's pods in namespace clusterlogs. */
    public static class KubernetesOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("discovery.kubernetes.enabled", "true",
                    "discovery.kubernetes.log-service-namespace", "clusterlogs");
        }
    }

    @BeforeEach
    void pods() {
        KubernetesClient client = server.getClient();
        if (client.pods().inNamespace("shop").withName("web-7d4b9").get() == null) {
            client.pods().inNamespace("shop").resource(pod("shop", "web-7d4b9", "node-a", "10.0.0.7", Map.of(),
                    "nginx", "metrics")).create();
            client.pods().inNamespace("clusterlogs").resource(pod("clusterlogs", "log-service-x1", "node-a",
                    "10.9.8.7", Map.of("app.kubernetes.io/name", "log-service"), "log-service")).create();
            client.pods().inNamespace("clusterlogs").resource(pod("clusterlogs", "other-x1", "node-b",
                    "10.9.9.9", Map.of("app.kubernetes.io/name", "other"), "other")).create();
        }
        Eventually.within(Duration.ofSeconds(15), () -> given().redirects().follow(false)
                .get(TASK + "shop.web-7d4b9.nginx").then().statusCode(303));
    }

    private static Pod pod(String namespace, String name, String node, String ip, Map<String, String> labels,
                           String... containers) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .withLabels(labels).endMetadata()
                .withNewSpec().withNodeName(node).endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip)
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus();
        for (String container : containers) {
            pod.editSpec().addNewContainer().withName(container).withImage("example/" + container).endContainer()
                    .endSpec();
        }
        return pod.build();
    }

    @Test
    void containerRedirectsToItsPodLog() {
        given().redirects().follow(false).get(TASK + "shop.web-7d4b9.nginx?cursor=END&skip=-10").then()
                .statusCode(303).header("Location", NGINX_LOG + "?cursor=END&skip=-10");
        given().redirects().follow(false).get(TASK + "web-7d4b9.metrics").then()
                .statusCode(303).header("Location", "/system/v1/agent/node-a/logs/v2/pods/shop/web-7d4b9/metrics");
        given().redirects().follow(false).get(TASK + "nginx/file/stderr").then()
                .statusCode(303).header("Location", NGINX_LOG + "?filter=STREAM:stderr");
    }

    @Test
    void aPodWithSeveralContainersIsAmbiguousByItsName() {
        ProblemJson.assertProblem(given().get(TASK + "web-7d4b9").then(), 409, "AmbiguousTask", TASK + "web-7d4b9")
                .body("candidates", contains("shop.web-7d4b9.metrics", "shop.web-7d4b9.nginx"));
    }

    @Test
    void sandboxRoutesDoNotExistForPods() {
        ProblemJson.assertProblem(given().get(TASK + "shop.web-7d4b9.nginx/browse").then(), 404)
                .body("code", equalTo("NotForPods"));
        ProblemJson.assertProblem(given().get(TASK + "shop.web-7d4b9.nginx/download").then(), 404)
                .body("code", equalTo("NotForPods"));
    }

    @Test
    void nodesLogServiceIsItsLogServicePod() {
        assertEquals(Optional.of(new AgentDirectory.Found("node-a", URI.create("http://10.9.8.7:8181"))),
                agents.find("node-a"));
        assertEquals(Optional.of(new AgentDirectory.Unknown("node-b")), agents.find("node-b"));
        given().get("/system/v1/agents").then().statusCode(200)
                .body("agents.id", contains("node-a", "node-b")) // node-b: it runs a pod, but no log-service
                .body("agents[0].kind", equalTo("kubernetes"))
                .body("agents.hasLogService", contains(true, false));
        given().get("/system/v1/tasks?q=web-7d4b9").then().statusCode(200)
                .body("tasks.id", contains("shop.web-7d4b9.metrics", "shop.web-7d4b9.nginx"))
                .body("tasks[1].kind", equalTo("kubernetes"))
                .body("tasks[1].framework", equalTo("shop"))
                .body("tasks[1].redirect", equalTo(NGINX_LOG));
    }

    @Test
    void aNewPodIsFound() {
        server.getClient().pods().inNamespace("shop").resource(pod("shop", "job-1", "node-a", "10.0.0.8", Map.of(),
                "worker")).create();
        Eventually.within(Duration.ofSeconds(15), () -> given().redirects().follow(false).get(TASK + "worker")
                .then().statusCode(303).header("Location", "/system/v1/agent/node-a/logs/v2/pods/shop/job-1/worker"));
    }
}
