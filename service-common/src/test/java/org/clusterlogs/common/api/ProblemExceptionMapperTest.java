package org.clusterlogs.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotFoundException;
import java.util.Map;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Which failure gets which body; the HTTP behaviour is checked in every service by ServiceBaselineTests. */
class ProblemExceptionMapperTest {

    @Test
    void projectExceptionAnswersWithItsOwnProblem() {
        Problem p = ProblemExceptionMapper.problemOf(
                new ProblemException(409, "ERR_USER_EXISTS", "alice exists", Map.of("description", "alice exists")),
                "/users/alice");
        assertEquals(409, p.status());
        assertEquals("ERR_USER_EXISTS", p.code());
        assertEquals("alice exists", p.detail());
        assertEquals("/users/alice", p.instance());
        assertEquals(Map.of("description", "alice exists"), p.extensions());
    }

    @Test
    void refusalOfTheHttpStackShowsNoMessage() {
        Problem p = ProblemExceptionMapper.problemOf(new NotFoundException("internal route table"), "/x");
        assertEquals(404, p.status());
        assertEquals("NotFound", p.code());
        assertNull(p.detail());
    }

    @Test
    void serverErrorOfTheHttpStackIsUnexpected() {
        assertEquals(Problem.internalError("/x"),
                ProblemExceptionMapper.problemOf(new InternalServerErrorException("pool exhausted"), "/x"));
    }

    @Test
    void strayLibraryExceptionIsAGeneric500() {
        assertEquals(Problem.internalError("/x"),
                ProblemExceptionMapper.problemOf(new IllegalArgumentException("secret"), "/x"));
    }
}
