package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Range reads of a task file over HTTP: every positioning case of docs/logging-api.md, byte for byte. */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class TaskFileRangeTest {

    private static final String FIVE = "one\ntwo\nthree\nfour\nfive\n";
    private Sandboxes sandbox;

    @BeforeEach
    void fixture() {
        sandbox = Sandboxes.create();
        sandbox.write("stdout", FIVE);
    }

    private Response text(String query) {
        return given().accept("text/plain").when().get(sandbox.route("stdout") + query);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                       | one\\ntwo\\nthree\\nfour\\nfive\\n",
        "?skip=2                  | three\\nfour\\nfive\\n",
        "?skip=3&limit=1          | four\\n",
        "?cursor=END&skip=-2      | four\\nfive\\n",
        "?cursor=END&skip=-5      | one\\ntwo\\nthree\\nfour\\nfive\\n",
        "?cursor=END&skip=-500    | one\\ntwo\\nthree\\nfour\\nfive\\n",
        "?cursor=7&skip=1         | four\\nfive\\n",
        "?cursor=7&skip=-1&limit=1 | two\\n",
        "?cursor=7                | three\\nfour\\nfive\\n",
        "?cursor=BEG&limit=2      | one\\ntwo\\n",
        "?cursor=0                | one\\ntwo\\nthree\\nfour\\nfive\\n",
        "?cursor=2                | e\\ntwo\\nthree\\nfour\\nfive\\n",
        "?skip=-2                 | four\\nfive\\n",
        "?cursor=13&skip=-2       | two\\nthree\\nfour\\nfive\\n",
        "?limit=0                 | one\\ntwo\\nthree\\nfour\\nfive\\n",
    })
    void positioning(String query, String expected) {
        Response r = text(query);
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals(expected.replace("\\n", "\n"), r.asString());
    }

    @ParameterizedTest
    @CsvSource({"?cursor=END", "?skip=100", "?cursor=23", "?cursor=24", "?cursor=END&skip=3"})
    void emptyRangeIsNoContent(String query) {
        text(query).then().statusCode(204).body(equalTo(""));
    }

    @Test
    void lastEventIdOverridesCursorSkipAndLimit() {
        given().accept("text/plain").header("Last-Event-ID", "7")
                .when().get(sandbox.route("stdout") + "?cursor=END&skip=-1&limit=1")
                .then().statusCode(200).body(equalTo("three\nfour\nfive\n"));
    }

    @Test
    void blankLinesAreLines() {
        sandbox.write("blank", "a\n\nb\n\n");
        given().get(sandbox.route("blank")).then().statusCode(200).body(equalTo("a\n\nb\n\n"));
        given().get(sandbox.route("blank") + "?cursor=END&skip=-2").then().body(equalTo("b\n\n"));
        given().get(sandbox.route("blank") + "?skip=1&limit=1").then().body(equalTo("\n"));
    }

    @Test
    void partialLastLineEndsTheRange() {
        sandbox.write("partial", "a\nb\nhalf");
        given().get(sandbox.route("partial")).then().statusCode(200).body(equalTo("a\nb\nhalf\n"));
        given().get(sandbox.route("partial") + "?cursor=END&skip=-2").then().body(equalTo("b\nhalf\n"));
        given().accept("application/json").get(sandbox.route("partial") + "?cursor=END&skip=-1")
                .then().body("cursor", equalTo("8"));
    }

    @Test
    void ndjsonHasTheSameObjectsAsSse() {
        String body = given().accept("application/json").when().get(sandbox.route("stdout") + "?cursor=7&limit=2")
                .then().statusCode(200).contentType("application/json").extract().asString();
        String fields = "\"AGENT_ID\":\"" + LogRoots.AGENT_ID + "\",\"CONTAINER_ID\":\"c1\",\"EXECUTOR_ID\":\"ex1\","
                + "\"FILE\":\"stdout\",\"FRAMEWORK_ID\":\"" + sandbox.framework() + "\"";
        assertEquals("{\"fields\":{" + fields + ",\"MESSAGE\":\"three\"},\"cursor\":\"13\"}\n"
                + "{\"fields\":{" + fields + ",\"MESSAGE\":\"four\"},\"cursor\":\"18\"}\n", body);
    }

    @Test
    void jsonEscapesLikeGo() {
        sandbox.write("html", "<a href=\"x\">&</a>\t\u0001é\n");
        String body = given().accept("application/json").get(sandbox.route("html")).then().extract().asString();
        assertEquals(true, body.contains("\"MESSAGE\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\t\\u0001é\""),
                body);
    }

    @Test
    void textHeaders() {
        text("").then().header("Content-Type", "text/plain").header("Cache-Control", "no-cache")
                .header("Access-Control-Allow-Origin", "*");
    }

    @ParameterizedTest
    @CsvSource({"cursor=abc,BadCursor", "cursor=-1,BadCursor", "skip=x,BadParameter", "limit=-3,BadParameter",
        "limit=1.5,BadParameter", "filter=nocolon,BadParameter"})
    void badParametersAre400WithProblemJson(String query, String code) {
        ProblemJson.assertProblem(given().get(sandbox.route("stdout") + "?" + query).then(), 400, code,
                sandbox.route("stdout")).body("title", equalTo("Bad Request")).body("detail", containsString(query.substring(0, query.indexOf('='))));
    }

    @Test
    void badLastEventIdIs400() {
        given().header("Last-Event-ID", "nope").get(sandbox.route("stdout")).then().statusCode(400)
                .body("code", equalTo("BadCursor"));
    }

    @Test
    void missingFileIs404() {
        given().get(sandbox.route("nothere")).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("LogNotFound"));
    }

    @Test
    void filterOnMessageNarrows() {
        given().get(sandbox.route("stdout") + "?filter=MESSAGE:four&filter=message:one")
                .then().statusCode(200).body(equalTo("one\nfour\n"));
        given().get(sandbox.route("stdout") + "?filter=FILE:stderr").then().statusCode(204);
        given().get(sandbox.route("stdout") + "?cursor=END&skip=-1&filter=MESSAGE:two")
                .then().body(equalTo("two\n"));
    }

    @Test
    void downloadIsTheFileUnchanged() {
        sandbox.write("bin", "x\u0000y\nz");
        given().get(sandbox.route("bin") + "/download").then().statusCode(200)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"bin\"")
                .body(equalTo("x\u0000y\nz"));
        given().get(sandbox.route("nothere") + "/download").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void browseListsTheSandbox() {
        sandbox.write("stderr", "");
        String base = sandbox.route("files/browse");
        given().get(base).then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].path", equalTo(sandbox.dir().toString() + "/stderr"))
                .body("[1].size", equalTo(FIVE.length()))
                .body("[1].mode", equalTo("-rw-r--r--"))
                .body("[1].nlink", equalTo(1));
        RestAssured.given().get(base.replace("/runs/c1/", "/runs/c9/")).then().statusCode(404);
    }
}
