package org.clusterlogs.policy.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watch against the Kubernetes mock server (CRUD mode, with the CRD of deploy/): a created
 * resource is stored as a revision, deployed and reported in its status; a changed one is a new
 * revision, redeployed; applying an unchanged one again stores and deploys nothing; one moved to
 * another environment leaves the old one; a deleted one is undeployed and its revisions stay. Each
 * test uses its own policy and environment.
 */
@QuarkusTest
@WithKubernetesTestServer
@TestProfile(PolicyResourceWatchTest.WatchOn.class)
class PolicyResourceWatchTest {

    private static final String NAMESPACE = "clusterlogs";
    private static final Path CRD = Path.of("../deploy/base/policy-service/crd.yaml");
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @KubernetesTestServer
    KubernetesServer server;

    /** The watch on, in namespace clusterlogs. */
    public static class WatchOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policy.kubernetes.enabled", "true", "policy.kubernetes.namespace", NAMESPACE);
        }
    }

    @BeforeEach
    void crd() {
        KubernetesClient client = server.getClient();
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                .load(CRD.toFile()).item();
        if (client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).get() == null) {
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
    }

    private static String policy(String name, String port) {
        return "<MessageLogging name=\"" + name + "\"><Syslog><Message>{request.uri}</Message><Host>syslog</Host>"
                + "<Port>" + port + "</Port><Protocol>TCP</Protocol></Syslog></MessageLogging>";
    }

    private Resource<PolicyCustomResource> resource(String name) {
        return server.getClient().resources(PolicyCustomResource.class).inNamespace(NAMESPACE).withName(name);
    }

    private void create(String name, PolicyResourceSpec spec) {
        PolicyCustomResource resource = new PolicyCustomResource();
        resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        resource.setSpec(spec);
        server.getClient().resources(PolicyCustomResource.class).inNamespace(NAMESPACE).resource(resource).create();
    }

    private static JsonPath deployedSet(String environment) {
        return given().get("/v1/environments/" + environment + "/deployments").then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Integer> revisions(String policy) {
        return given().get("/v1/policies/" + policy + "/revisions").then().statusCode(200).extract().jsonPath()
                .getList("revisions", Integer.class);
    }

    private PolicyResourceStatus statusWhen(String name, int revision) {
        await().atMost(WITHIN).until(() -> {
            PolicyResourceStatus status = resource(name).get().getStatus();
            return status != null && status.revision() != null && status.revision() == revision;
        });
        return resource(name).get().getStatus();
    }

    /** The webhook, with the watch on: a resource elsewhere would be stored and never deployed, so it is refused. */
    @Test
    void theWebhookRefusesAResourceOutsideTheWatchedNamespace() {
        String xml = policy("Elsewhere", "514");
        admission("other", "CREATE", xml).body("response.allowed", equalTo(false))
                .body("response.status.message", equalTo("MessageLoggingPolicy resources are deployed from namespace "
                        + "clusterlogs only; this one, in namespace 'other', would never be deployed"));
        admission("other", "CREATE", policy("Elsewhere", "0")).body("response.allowed", equalTo(false))
                .body("response.status.message", endsWith("would never be deployed\n"
                        + "Invalid Port: 0 for Syslog handler in policy Elsewhere."));
        admission(NAMESPACE, "CREATE", xml).body("response.allowed", equalTo(true));
        admission("other", "DELETE", null).body("response.allowed", equalTo(true));
    }

    private static ValidatableResponse admission(String namespace, String operation, String xml) {
        Map<String, Object> object = new HashMap<>(Map.of("metadata", Map.of("name", "elsewhere", "namespace", namespace)));
        if (xml != null) {
            object.put("spec", Map.of("xml", xml, "environment", "prod"));
        }
        Map<String, Object> request = Map.of("uid", "u-1", "operation", operation, "namespace", namespace, "object", object);
        return given().contentType(ContentType.JSON)
                .body(Map.of("apiVersion", "admission.k8s.io/v1", "kind", "AdmissionReview", "request", request))
                .post("/admission/messageloggingpolicies").then().statusCode(200).body("response.uid", equalTo("u-1"));
    }

    @Test
    void aCreatedResourceIsStoredDeployedAndReported() {
        create("audit", new PolicyResourceSpec(policy("Audit", "514"), "watch-create", List.of("log-service")));

        PolicyResourceStatus status = statusWhen("audit", 1);
        assertEquals("Audit", status.policy());
        assertEquals("watch-create", status.environment());
        assertNull(status.message());
        assertNotNull(status.deployedAt());
        JsonPath deployed = deployedSet("watch-create");
        assertEquals(List.of("Audit"), deployed.getList("deployments.name"));
        assertEquals(1, deployed.getInt("deployments[0].revision"));
        assertEquals(List.of("log-service"), deployed.getList("deployments[0].services"));
        assertEquals(status.deployedAt(), deployed.getString("deployments[0].deployedAt"));
        given().get("/v1/policies/Audit/revisions/1").then().statusCode(200)
                .header("X-Policy-Revision", "1");
    }

    @Test
    void aChangedResourceIsANewRevisionRedeployed() {
        create("changing", new PolicyResourceSpec(policy("Changing", "514"), "watch-change", null));
        statusWhen("changing", 1);

        resource("changing").edit(r -> {
            r.setSpec(new PolicyResourceSpec(policy("Changing", "601"), "watch-change", null));
            return r;
        });

        statusWhen("changing", 2);
        assertEquals(List.of(1, 2), revisions("Changing"));
        JsonPath deployed = deployedSet("watch-change");
        assertEquals(2, deployed.getInt("deployments[0].revision"));
        assertNull(deployed.get("deployments[0].services"));
        assertTrue(deployed.getString("deployments[0].xml").contains("<Port>601</Port>"));
    }

    @Test
    void anUnchangedResourceAppliedAgainStoresAndDeploysNothing() {
        create("steady", new PolicyResourceSpec(policy("Steady", "514"), "watch-steady", null));
        statusWhen("steady", 1);
        long version = deployedSet("watch-steady").getLong("version");

        // an update event that leaves the spec as it was (a label), then a marker resource: events
        // are handled in order, so once the marker is deployed the label change has been handled
        resource("steady").edit(r -> {
            r.getMetadata().setLabels(Map.of("touched", "yes"));
            return r;
        });
        create("steady-marker", new PolicyResourceSpec(policy("SteadyMarker", "514"), "watch-steady-marker", null));
        statusWhen("steady-marker", 1);

        assertEquals(List.of(1), revisions("Steady"));
        assertEquals(version, deployedSet("watch-steady").getLong("version"));
    }

    @Test
    void aResourceMovedToAnotherEnvironmentLeavesTheOldOne() {
        create("moving", new PolicyResourceSpec(policy("Moving", "514"), "watch-move-from", null));
        statusWhen("moving", 1);

        resource("moving").edit(r -> {
            r.setSpec(new PolicyResourceSpec(policy("Moving", "514"), "watch-move-to", List.of("log-service")));
            return r;
        });

        await().atMost(WITHIN).until(() -> "watch-move-to".equals(resource("moving").get().getStatus().environment()));
        assertEquals(List.of("Moving"), deployedSet("watch-move-to").getList("deployments.name"));
        assertTrue(deployedSet("watch-move-from").getList("deployments").isEmpty());
        assertEquals(List.of(1), revisions("Moving"), "the same document: no new revision");
    }

    @Test
    void aDeletedResourceIsUndeployedAndItsRevisionsStay() {
        create("leaving", new PolicyResourceSpec(policy("Leaving", "514"), "watch-delete", null));
        statusWhen("leaving", 1);

        resource("leaving").delete();

        await().atMost(WITHIN).until(() -> deployedSet("watch-delete").getList("deployments").isEmpty());
        assertEquals(List.of(1), revisions("Leaving"));
    }

    @Test
    void aResourceTheWebhookWouldRefuseIsReportedAndNotDeployed() {
        create("broken", new PolicyResourceSpec(policy("Broken", "0"), "watch-broken", null));

        await().atMost(WITHIN).until(() -> resource("broken").get().getStatus() != null);
        PolicyResourceStatus status = resource("broken").get().getStatus();
        assertEquals("Invalid Port: 0 for Syslog handler in policy Broken.", status.message());
        assertNull(status.revision());
        given().get("/v1/policies/Broken").then().statusCode(404);
        assertTrue(deployedSet("watch-broken").getList("deployments").isEmpty());
    }
}
