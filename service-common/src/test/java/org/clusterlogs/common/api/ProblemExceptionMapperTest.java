package org.clusterlogs.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The detail rule; the HTTP behaviour is checked in every service by ServiceBaselineTests. */
class ProblemExceptionMapperTest {

    @Test
    void defaultMessageIsNoDetail() {
        assertNull(ProblemExceptionMapper.detailOf(new NotFoundException(), Response.Status.NOT_FOUND));
    }

    @Test
    void ownMessageIsTheDetail() {
        assertEquals("no user alice", ProblemExceptionMapper.detailOf(
                new NotFoundException("no user alice"), Response.Status.NOT_FOUND));
    }
}
