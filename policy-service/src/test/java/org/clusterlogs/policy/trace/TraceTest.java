package org.clusterlogs.policy.trace;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dry run over HTTP: the exact bytes per destination, the fault of a message that cannot be rendered. */
@QuarkusTest
class TraceTest {

    private static final long WHEN = Instant.parse("2023-03-20T09:24:39.039Z").toEpochMilli();

    /** Stores the policy under a fresh name ({@code %s} in the document is its suffix); answers the name. */
    private static String store(String xml) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Trace-" + suffix;
        given().contentType(ContentType.XML).body(xml.formatted(suffix)).put("/v1/policies/" + name).then()
                .statusCode(201);
        return name;
    }

    @Test
    void aSyslogPolicyShowsItsHeaderMessageAndFraming() {
        String name = store("<MessageLogging name=\"Trace-%s\"><Syslog><Message>{request.verb} {request.uri} "
                + "{request.header.accept} {response.status.code}</Message><Host>syslog.example</Host><Port>601</Port>"
                + "<Protocol>TCP</Protocol><FormatMessage>true</FormatMessage>"
                + "<DateFormat>yyyy-MM-dd'T'HH:mm:ss.SSSXXX</DateFormat></Syslog></MessageLogging>");
        String body = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of(
                        "request.verb", "GET", "request.uri", "/system/v1/logs/v2/component",
                        "request.header.Accept", "text/plain", "response.status.code", "200",
                        "system.timestamp", Long.toString(WHEN))))
                .post("/v1/policies/" + name + "/trace").then().statusCode(200)
                .body("name", equalTo(name)).body("revision", equalTo(1)).body("failure", nullValue())
                .body("records", hasSize(1)).body("records[0].destination", equalTo("syslog+tcp://syslog.example:601"))
                .extract().path("records[0].base64");
        String sent = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        assertEquals(" GET /system/v1/logs/v2/component text/plain 200\n", sent.substring(sent.indexOf(" - - -") + 6));
        assertEquals("<14>1 2023-03-20T09:24:39.039Z ", sent.substring(0, sent.indexOf('Z') + 2));
    }

    @Test
    void aMessageThatCannotBeRenderedReportsTheFault() {
        String name = store("<MessageLogging name=\"Trace-%s\"><IgnoreUnresolvedVariables>false</IgnoreUnresolvedVariables>"
                + "<File><Message>{no.such.variable}</Message><FileName>a.log</FileName></File></MessageLogging>");
        given().contentType(ContentType.JSON).body(Map.of()).post("/v1/policies/" + name + "/trace").then()
                .statusCode(200).body("records", hasSize(0))
                .body("failure.fault", equalTo("steps.messagelogging.StepDefinitionExecutionFailed"))
                .body("failure.continueOnError", equalTo(false));
    }

    @Test
    void anUnknownPolicyOrRevisionIs404() {
        ProblemJson.assertProblem(given().contentType(ContentType.JSON).body(Map.of())
                .post("/v1/policies/NoSuchPolicy/trace").then(), 404).body("code", equalTo("PolicyNotFound"));
    }
}
