package org.clusterlogs.security.http;

import io.smallrye.mutiny.Uni;
import org.clusterlogs.security.Caller;
import org.clusterlogs.security.PermissionDecisions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthorizerTest {

    private static final String LOGS = "dcos:adminrouter:ops:system-logs";
    private static final String AGENT = "dcos:adminrouter:system:agent";
    private static final RouteRules.Rule EITHER = new RouteRules.Rule("agent",
            List.of(new RouteRules.Permission(LOGS, "full"), new RouteRules.Permission(AGENT, "full")), false);
    private static final Caller ALICE = new Caller("alice", Instant.now().plusSeconds(60), false, Instant.now());
    private static final AuditLog.Request REQUEST = new AuditLog.Request("127.0.0.1", "/x");

    private final Decisions decisions = new Decisions();
    private final RecordingAudit audit = new RecordingAudit();
    private final Authorizer authorizer = new Authorizer(decisions, audit);

    @Test
    void rememberedAnswersDecideAtOnceWithTheSameAuditLinesAsAsking() {
        decisions.answers.put(LOGS, false);
        decisions.answers.put(AGENT, true);

        assertEquals(Optional.empty(), authorizer.allowsNow(ALICE, EITHER, REQUEST), "nothing remembered yet");
        assertEquals(List.of(), audit.lines, "an undecided request is audited once, when it is decided");

        boolean asked = authorizer.allows(ALICE, EITHER, REQUEST).await().indefinitely();
        List<String> askedLines = List.copyOf(audit.lines);
        audit.lines.clear();
        decisions.remembered.putAll(decisions.answers);

        assertEquals(Optional.of(asked), authorizer.allowsNow(ALICE, EITHER, REQUEST));
        assertEquals(true, asked);
        assertEquals(List.of(LOGS + " deny", AGENT + " allow"), audit.lines);
        assertEquals(askedLines, audit.lines);
    }

    @Test
    void aRememberedAllowSkipsTheOtherPermissions() {
        decisions.remembered.put(LOGS, true);

        assertEquals(Optional.of(true), authorizer.allowsNow(ALICE, EITHER, REQUEST));
        assertEquals(List.of(LOGS + " allow"), audit.lines);
    }

    @Test
    void oneForgottenAnswerMeansAsking() {
        decisions.remembered.put(LOGS, false);

        assertEquals(Optional.empty(), authorizer.allowsNow(ALICE, EITHER, REQUEST));
        assertEquals(List.of(), audit.lines);
    }

    @Test
    void everyRememberedDenyIsADeny() {
        decisions.remembered.put(LOGS, false);
        decisions.remembered.put(AGENT, false);

        assertEquals(Optional.of(false), authorizer.allowsNow(ALICE, EITHER, REQUEST));
        assertEquals(List.of(LOGS + " deny", AGENT + " deny"), audit.lines);
    }

    @Test
    void aRuleWithoutPermissionsNeedsOnlyAValidToken() {
        RouteRules.Rule authenticated = RouteRules.AUTHENTICATED;

        assertEquals(Optional.of(true), authorizer.allowsNow(ALICE, authenticated, REQUEST));
        assertEquals(List.of("- allow"), audit.lines);
    }

    /** Answers by rid; {@code remembered} is what {@link #known} has at hand. */
    private static final class Decisions implements PermissionDecisions {
        final Map<String, Boolean> answers = new HashMap<>();
        final Map<String, Boolean> remembered = new HashMap<>();

        @Override
        public Uni<Boolean> allowed(String uid, String rid, String action) {
            return Uni.createFrom().item(answers.getOrDefault(rid, false));
        }

        @Override
        public Optional<Boolean> known(String uid, String rid, String action) {
            return Optional.ofNullable(remembered.get(rid));
        }
    }

    private static final class RecordingAudit extends AuditLog {
        final List<String> lines = new ArrayList<>();

        RecordingAudit() {
            super("test");
        }

        @Override
        public void decision(Request request, String object, String action, boolean allowed, String reason, String uid) {
            lines.add(object + " " + (allowed ? "allow" : "deny"));
        }
    }
}
