package org.clusterlogs.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a problem is written: standard members first, extensions flat after them, nulls left out. */
class ProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void standardMembersInOrderNullsLeftOut() throws Exception {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"instance\":\"/a\",\"code\":\"LogNotFound\"}",
                json.writeValueAsString(Problem.of(404, "LogNotFound", null, "/a")));
    }

    @Test
    void extensionMembersAreWrittenFlat() throws Exception {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("description", "uid is too long");
        extensions.put("errors", List.of(Map.of("code", "InvalidPort")));
        ProblemException e = new ProblemException(400, "ERR_INVALID_DATA", "uid is too long", extensions);

        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"uid is too long\",\"instance\":\"/users/x\",\"code\":\"ERR_INVALID_DATA\","
                        + "\"description\":\"uid is too long\",\"errors\":[{\"code\":\"InvalidPort\"}]}",
                json.writeValueAsString(e.toProblem("/users/x")));
    }

    @Test
    void unexpectedFailureSaysNothingOfTheInside() {
        Problem p = Problem.internalError("/x");
        assertEquals(500, p.status());
        assertEquals("Internal Server Error", p.title());
        assertEquals(Problem.INTERNAL_ERROR, p.code());
        assertEquals(Problem.INTERNAL_DETAIL, p.detail());
    }

    @Test
    void aRefusalOfTheHttpStackIsNamedByItsTitle() {
        Problem p = Problem.ofStatus(405, "/x");
        assertEquals("Method Not Allowed", p.title());
        assertEquals("MethodNotAllowed", p.code());
        assertEquals(null, p.detail());
    }

    @Test
    void anExtensionMayNotHideAStandardMember() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProblemException(400, "BadThing", "x", Map.of("status", 200)));
    }

    @Test
    void onlyErrorStatusesAndACodeMakeAProblem() {
        assertThrows(IllegalArgumentException.class, () -> new ProblemException(200, "Fine", "x"));
        assertThrows(NullPointerException.class, () -> new ProblemException(400, null, "x"));
    }
}
