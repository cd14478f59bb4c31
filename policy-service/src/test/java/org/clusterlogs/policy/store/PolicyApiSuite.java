package org.clusterlogs.policy.store;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.clusterlogs.policy.policies.PolicyService;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The policy API over HTTP on a real store: the same suite runs on H2 ({@link H2PolicyApiTest})
 * and on PostgreSQL ({@link PostgresPolicyApiTest}). Each test uses fresh names.
 */
abstract class PolicyApiSuite {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    PolicyService policies;

    private String name(String base) {
        return base + "-" + suffix;
    }

    static String syslogPolicy(String name, String port, String protocol) {
        return "<MessageLogging name=\"" + name + "\"><Syslog>"
                + "<Message>{request.verb} {request.uri} {response.status.code}</Message>"
                + "<Host>127.0.0.1</Host><Port>" + port + "</Port><Protocol>" + protocol + "</Protocol>"
                + "</Syslog></MessageLogging>";
    }

    private static void problem(ValidatableResponse response, int status, String code) {
        ProblemJson.assertProblem(response, status).body("code", equalTo(code));
    }

    private static Response put(String name, String xml) {
        return given().contentType(ContentType.XML).body(xml).put("/v1/policies/" + name);
    }

    private static Response deploy(String environment, String name, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .put("/v1/environments/" + environment + "/deployments/" + name);
    }

    @Test
    void everyAcceptedDocumentIsANewRevisionAndEveryRevisionIsKept() {
        String name = name("LogToSyslog");
        String first = syslogPolicy(name, "514", "TCP");
        String second = syslogPolicy(name, "601", "UDP");
        put(name, first).then().statusCode(201).header("Location", endsWith("/v1/policies/" + name + "/revisions/1"))
                .body("name", equalTo(name)).body("revision", equalTo(1));
        put(name, second).then().statusCode(201).body("revision", equalTo(2));

        assertEquals(second, given().get("/v1/policies/" + name).then().statusCode(200)
                .contentType("application/xml").header("X-Policy-Revision", "2").extract().asString());
        assertEquals(first, given().get("/v1/policies/" + name + "/revisions/1").then().statusCode(200)
                .header("X-Policy-Revision", "1").extract().asString());
        given().get("/v1/policies/" + name + "/revisions").then().statusCode(200).body("revisions",
                equalTo(List.of(1, 2)));
        given().get("/v1/policies").then().statusCode(200)
                .body("policies.find { it.name == '" + name + "' }.revision", equalTo(2));
    }

    @Test
    void aRefusedPolicyListsEveryErrorAndStoresNothing() {
        String name = name("LogToSyslog");
        Response refused = put(name, syslogPolicy(name, "0", "HTTP"));
        ProblemJson.assertProblem(refused.then(), 400, "InvalidPolicy", "/v1/policies/" + name);
        refused.then().body("errors.code", containsInAnyOrder("InvalidProtocol", "InvalidPort"))
                .body("errors.message", hasItem("Invalid Protocol: HTTP for Syslog handler in policy " + name + "."))
                .body("errors.message", hasItem("Invalid Port: 0 for Syslog handler in policy " + name + "."))
                .body("errors.policy", hasItem(name));
        ProblemJson.assertProblem(given().get("/v1/policies/" + name).then(), 404, "PolicyNotFound",
                "/v1/policies/" + name);
    }

    @Test
    void hostileOrMisaddressedDocumentsAre4xx() {
        String name = name("Hostile");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<MessageLogging name=\"" + name + "\"><Syslog><Message>&x;</Message><Host>h</Host><Port>514</Port>"
                + "</Syslog></MessageLogging>";
        ProblemJson.assertProblem(put(name, xxe).then(), 400, "InvalidPolicy", "/v1/policies/" + name);
        ProblemJson.assertProblem(put(name, "not xml at all").then(), 400, "InvalidPolicy", "/v1/policies/" + name);
        ProblemJson.assertProblem(put(name, syslogPolicy("SomeoneElse", "514", "TCP")).then(), 400, "InvalidPolicy",
                "/v1/policies/" + name);
        problem(put("..%2Fetc", syslogPolicy(name, "514", "TCP")).then(), 400, "InvalidPolicyName");
        given().contentType(ContentType.JSON).body("{}").put("/v1/policies/" + name).then().statusCode(415);
        problem(given().get("/v1/policies/" + name + "/revisions/7").then(), 404, "RevisionNotFound");
    }

    @Test
    void deployingChangesTheVersionOfTheDeployedSetAndBlocksDeletion() {
        String name = name("Audit");
        String environment = name("prod");
        String xml = syslogPolicy(name, "514", "TCP");
        put(name, xml).then().statusCode(201);
        given().get("/v1/environments/" + environment + "/deployments").then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0)).body("deployments", equalTo(List.of()));

        deploy(environment, name, Map.of("revision", 1)).then().statusCode(200).body("name", equalTo(name))
                .body("revision", equalTo(1)).body("services", nullValue());
        given().get("/v1/environments/" + environment + "/deployments").then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("deployments[0].name", equalTo(name))
                .body("deployments[0].xml", equalTo(xml)).body("deployments[0].services", nullValue());

        deploy(environment, name, Map.of("revision", 1, "services", List.of("log-service", "auth-service")))
                .then().statusCode(200).body("services", equalTo(List.of("auth-service", "log-service")));
        problem(given().delete("/v1/policies/" + name).then(), 409, "PolicyDeployed");

        given().delete("/v1/environments/" + environment + "/deployments/" + name).then().statusCode(204);
        given().get("/v1/environments/" + environment + "/deployments").then().header("ETag", "\"3\"")
                .body("deployments", equalTo(List.of()));
        problem(given().delete("/v1/environments/" + environment + "/deployments/" + name).then(), 404,
                "NotDeployed");
        given().delete("/v1/policies/" + name).then().statusCode(204);
        problem(given().get("/v1/policies/" + name).then(), 404, "PolicyNotFound");
    }

    @Test
    void badDeploymentsAre400() {
        String name = name("Audit");
        String environment = name("prod");
        put(name, syslogPolicy(name, "514", "TCP")).then().statusCode(201);
        problem(deploy(environment, name, Map.of("revision", 9)).then(), 400, "UnknownRevision");
        problem(deploy(environment, name, Map.of()).then(), 400, "MissingRevision");
        problem(deploy(environment, name, Map.of("revision", 1, "services", List.of())).then(), 400, "NoServices");
        problem(deploy(environment, name, Map.of("revision", 1, "services", List.of("Bad_Name"))).then(), 400,
                "InvalidServiceName");
        problem(deploy("-prod", name, Map.of("revision", 1)).then(), 400, "InvalidEnvironmentName");
        problem(given().header("If-None-Match", "\"0\"").queryParam("wait", 31)
                .get("/v1/environments/" + environment + "/deployments").then(), 400, "InvalidWait");
    }

    @Test
    void aWaitingReaderIsAnsweredByTheNextChangeOr304() throws Exception {
        String name = name("Audit");
        String environment = name("staging");
        put(name, syslogPolicy(name, "514", "TCP")).then().statusCode(201);
        String path = "/v1/environments/" + environment + "/deployments";

        given().header("If-None-Match", "\"0\"").queryParam("wait", 1).get(path).then().statusCode(304)
                .header("ETag", "\"0\"");
        given().header("If-None-Match", "\"7\"").get(path).then().statusCode(200).header("ETag", "\"0\"");

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() ->
                given().header("If-None-Match", "\"0\"").queryParam("wait", 30).get(path));
        Thread.sleep(300); // let it wait (if it has not started yet, it sees version 1 at once: the same answer)
        deploy(environment, name, Map.of("revision", 1)).then().statusCode(200);
        waiting.get(30, TimeUnit.SECONDS).then().statusCode(200).header("ETag", "\"1\"")
                .body("deployments[0].name", equalTo(name));
    }

    @Test
    void aDocumentStoredOnlyIfChangedIsStoredOnceByWritersRacingEachOther() throws Exception {
        // the watch of every replica applies the same resource at once; they share this store
        String name = name("Raced");
        String xml = syslogPolicy(name, "514", "TCP");
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> stored = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String writer = "replica-" + i;
                stored.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return policies.storeIfChanged(name, xml, writer);
                }));
            }
            for (Future<Integer> revision : stored) {
                assertEquals(1, revision.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        given().get("/v1/policies/" + name + "/revisions").then().statusCode(200).body("revisions", contains(1));

        assertEquals(2, policies.storeIfChanged(name, syslogPolicy(name, "601", "TCP"), "replica-0"));
        assertEquals(2, policies.storeIfChanged(name, syslogPolicy(name, "601", "TCP"), "replica-1"));
        assertEquals(3, policies.storeIfChanged(name, xml, "replica-0"), "back to the first: a new revision");
    }
}
