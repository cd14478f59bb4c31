package org.clusterlogs.cli.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The messages a script and a user get for the suite's problem bodies (docs/errors.md). */
class ProblemsTest {

    @Test
    void anAmbiguousTaskListsTheCandidatesOneALine() {
        ApiFailure failure = failure(409, """
                {"status":409,"code":"AmbiguousTask","detail":"2 tasks match 'web'",
                 "candidates":["web.1","web.10"],"moreCandidates":true}""");
        assertEquals("ambiguous task name: 2 tasks match 'web'; name one of:\n  web.1\n  web.10\n  (and more)",
                failure.getMessage());
        assertFalse(failure.isTransient());
    }

    @Test
    void aRefusedPolicyListsEveryErrorOfTheValidator() {
        ApiFailure failure = failure(400, """
                {"status":400,"code":"InvalidPolicy","detail":"the policy has 2 errors","errors":[
                 {"code":"InvalidPort","message":"Invalid Port: 0 for Syslog handler in policy P.","policy":"P"},
                 {"code":"InvalidProtocol","message":"Invalid Protocol: SCTP.","policy":"P"}]}""");
        assertEquals("policy refused: the policy has 2 errors\n  Invalid Port: 0 for Syslog handler in policy P.\n"
                + "  Invalid Protocol: SCTP.", failure.getMessage());
    }

    @Test
    void eachStatusSaysWhatWentWrong() {
        assertEquals(ApiFailure.LOGIN_HINT, failure(401, "{\"code\":\"ERR_INVALID_TOKEN\"}").getMessage());
        assertEquals("forbidden: no permission", failure(403, "{\"code\":\"ERR_FORBIDDEN\",\"detail\":\"no permission\"}").getMessage());
        assertEquals("task not found: no task 'x'", failure(404, "{\"code\":\"TaskNotFound\",\"detail\":\"no task 'x'\"}").getMessage());
        assertEquals("not found: no log", failure(404, "{\"code\":\"LogNotFound\",\"detail\":\"no log\"}").getMessage());
        assertEquals("conflict: no sandbox yet", failure(409, "{\"code\":\"NoSandbox\",\"detail\":\"no sandbox yet\"}").getMessage());
        assertEquals("the server answered 400 BadCursor: bad", failure(400, "{\"code\":\"BadCursor\",\"detail\":\"bad\"}").getMessage());
    }

    @Test
    void aDownNodeOrABusyServiceIsWorthRetryingAndSaysSo() {
        ApiFailure down = failure(502, "{\"code\":\"UpstreamUnreachable\",\"detail\":\"node n at 10.0.0.5:8181: refused\"}");
        assertEquals("unreachable: node n at 10.0.0.5:8181: refused", down.getMessage());
        assertTrue(down.isTransient());
        ApiFailure busy = failure(503, "{\"code\":\"IndexNotReady\",\"detail\":\"the index is loading\"}");
        assertEquals("service unavailable: the index is loading", busy.getMessage());
        assertTrue(busy.isTransient());
    }

    @Test
    void aBodyThatIsNotProblemJsonIsShownAsText() {
        assertEquals("the server answered 500: oops", failure(500, "oops\n").getMessage());
        assertEquals("the server answered 500", failure(500, "").getMessage());
    }

    private static ApiFailure failure(int status, String body) {
        return Problems.failure(status, body.getBytes(StandardCharsets.UTF_8));
    }
}
