package org.clusterlogs.policy.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed contract in openapi/ is the source of truth; what the service serves must equal it. */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("..", "openapi", "policy-service.yaml");

    @Test
    void servedDocumentEqualsCommittedContract() throws IOException {
        assertTrue(Files.isRegularFile(CONTRACT), "missing contract " + CONTRACT.toAbsolutePath());
        String served = given().queryParam("format", "yaml")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().asString();

        YAMLMapper yaml = new YAMLMapper();
        JsonNode expected = yaml.readTree(CONTRACT.toFile());
        JsonNode actual = yaml.readTree(served);

        assertEquals(expected, actual, () -> "GET /q/openapi differs from " + CONTRACT.normalize()
                + ". If the API change is intended, review it and commit the served document:\n" + served);
    }
}
