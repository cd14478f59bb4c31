package org.clusterlogs.logs.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.clusterlogs.logs.testsupport.LogRoots;
import org.clusterlogs.logs.testsupport.Sandboxes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Big files: exact last-N on 100 MiB, lines longer than the cap, lines across read chunks. */
@QuarkusTest
@QuarkusTestResource(LogRoots.class)
class LargeFileTest {

    private static final int CAP = 1024 * 1024;
    private static Sandboxes sandbox;
    private static long lineCount;

    @BeforeAll
    static void bigFile() throws IOException {
        sandbox = Sandboxes.create();
        Path big = sandbox.dir().resolve("big");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
            long written = 0;
            while (written < 100L * 1024 * 1024) {
                // lines of varying length, some blank, so chunk boundaries fall everywhere
                String line = lineCount % 97 == 0 ? "" : "line " + lineCount + " " + "x".repeat((int) (lineCount % 150));
                byte[] b = (line + "\n").getBytes(StandardCharsets.US_ASCII);
                out.write(b);
                written += b.length;
                lineCount++;
            }
        }
    }

    private static String expectedLine(long n) {
        return n % 97 == 0 ? "" : "line " + n + " " + "x".repeat((int) (n % 150));
    }

    @Test
    void last1000LinesOf100MiB() {
        String body = given().get(sandbox.route("big") + "?cursor=END&skip=-1000").then().statusCode(200)
                .extract().asString();
        StringBuilder expected = new StringBuilder();
        for (long n = lineCount - 1000; n < lineCount; n++) {
            expected.append(expectedLine(n)).append('\n');
        }
        assertEquals(expected.toString(), body);
    }

    @Test
    void rangeFromTheMiddleCountsExactly() {
        String body = given().get(sandbox.route("big") + "?skip=500000&limit=3").then().statusCode(200)
                .extract().asString();
        assertEquals(expectedLine(500000) + "\n" + expectedLine(500001) + "\n" + expectedLine(500002) + "\n", body);
    }

    @Test
    void linesLongerThanTheCapAreSplitWithAMarker() throws IOException {
        String a = "a".repeat(CAP);
        String b = "b".repeat(CAP);
        String c = "c".repeat(CAP / 2);
        sandbox.write("long", "first\n" + a + b + c + "\nlast\n");
        String text = given().get(sandbox.route("long")).then().statusCode(200).extract().asString();
        assertEquals("first\n" + a + "\\\n" + b + "\\\n" + c + "\nlast\n", text);
        String tail = given().get(sandbox.route("long") + "?cursor=END&skip=-3").then().extract().asString();
        assertEquals(b + "\\\n" + c + "\nlast\n", tail);
        List<String> json = given().accept("application/json").get(sandbox.route("long") + "?skip=1&limit=3")
                .then().extract().asString().lines().toList();
        assertEquals("true", JsonPath.from(json.get(0)).getString("fields.SPLIT"));
        assertEquals(String.valueOf(6 + CAP), JsonPath.from(json.get(0)).getString("cursor"));
        assertEquals("true", JsonPath.from(json.get(1)).getString("fields.SPLIT"));
        assertEquals(null, JsonPath.from(json.get(2)).getString("fields.SPLIT"));
        assertEquals(c, JsonPath.from(json.get(2)).getString("fields.MESSAGE"));
        String resumed = given().get(sandbox.route("long") + "?cursor=" + (6 + CAP) + "&limit=1").then().extract()
                .asString();
        assertEquals(b + "\\\n", resumed);
    }

    @Test
    void lineOfExactlyTheCapIsNotSplit() throws IOException {
        String a = "a".repeat(CAP);
        sandbox.write("exact", a + "\nz\n");
        assertEquals(a + "\nz\n", given().get(sandbox.route("exact")).then().extract().asString());
        assertEquals(a + "\nz\n", given().get(sandbox.route("exact") + "?cursor=END&skip=-2").then().extract().asString());
    }
}
