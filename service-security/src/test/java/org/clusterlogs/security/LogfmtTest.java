package org.clusterlogs.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Client-controlled values cannot forge audit fields or lines. */
class LogfmtTest {

    @Test
    void plainValuesStayPlainOthersAreQuotedAndEscaped() {
        assertEquals("type=audit uid=alice reason=\"no grant\" object=\"\"",
                Logfmt.line("type", "audit", "uid", "alice", "reason", "no grant", "object", null));
        assertEquals("uid=\"a result=allow\"", Logfmt.line("uid", "a result=allow"));
        assertEquals("uid=\"a\\x0atype=audit\"", Logfmt.line("uid", "a\ntype=audit"));
        assertEquals("uid=\"\\\"x\\\\\"", Logfmt.line("uid", "\"x\\"));
        assertEquals(303, Logfmt.value("x".repeat(1000)).length());
        assertEquals("uid=\"\\x85\u00e9\"", Logfmt.line("uid", "\u0085\u00e9"), "C1 controls escaped, non-ASCII quoted");
    }
}
