package org.clusterlogs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation of a contract names itself: without an {@code operationId} a generator makes
 * up a method name from the path ({@code acsApiV1UsersUidGet}), and two equal ones in a file
 * collide in one generated API class.
 */
class OperationIdsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern METHOD_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    @ParameterizedTest
    @ValueSource(strings = {"auth-service", "log-service", "discovery-service", "policy-service"})
    void everyOperationHasAUniqueIdThatReadsAsAJavaMethodName(String service) throws IOException {
        JsonNode paths = new YAMLMapper().readTree(Path.of("..", "openapi", service + ".yaml").toFile()).path("paths");
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            String id = operation.getValue().path("operationId").asText("");
            if (!METHOD_NAME.matcher(id).matches()) {
                missing.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " '" + id + "'");
            } else if (!seen.add(id)) {
                duplicates.add(id);
            }
        }));
        assertTrue(missing.isEmpty(), () -> service + ": operations without a method-like operationId: " + missing);
        assertEquals(List.of(), duplicates, service + ": operationIds used twice");
        assertTrue(seen.size() > 0, service + " has no operations");
    }
}
