package org.clusterlogs.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed contracts in openapi/ are the source of truth; what a service serves must equal its own. */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    /**
     * Fetches {@code /q/openapi?format=yaml} from the service under test (wherever REST Assured
     * points, as {@code @QuarkusTest} sets it) and fails unless it equals
     * {@code ../openapi/<service>.yaml}, relative to the module the tests run in. Both sides are
     * compared as parsed YAML; the failure prints the served document, to review and commit as
     * the new contract when the change is intended.
     */
    public static void assertServedEquals(String service) {
        assertServedEquals(service, given());
    }

    /**
     * The same check against a service running at {@code baseUrl}: a packaged jar started as a
     * process, which runs the production profile the {@code @QuarkusTest} check does not.
     */
    public static void assertServedEquals(String service, String baseUrl) {
        assertServedEquals(service, given().baseUri(baseUrl));
    }

    private static void assertServedEquals(String service, RequestSpecification request) {
        Path contract = Path.of("..", "openapi", service + ".yaml");
        assertTrue(Files.isRegularFile(contract), () -> "missing contract " + contract.toAbsolutePath());
        String served = request.queryParam("format", "yaml")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().asString();

        YAMLMapper yaml = new YAMLMapper();
        JsonNode expected;
        JsonNode actual;
        try {
            expected = yaml.readTree(contract.toFile());
            actual = yaml.readTree(served);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + contract.normalize() + " or the served document", e);
        }
        assertEquals(expected, actual, () -> "GET /q/openapi differs from " + contract.normalize()
                + ". If the API change is intended, review it and commit the served document:\n" + served);
    }
}
