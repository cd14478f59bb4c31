package org.clusterlogs.security.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditLogTest {

    private static String field(String value) {
        StringBuilder line = new StringBuilder();
        AuditLog.field(line, "k", value);
        return line.toString();
    }

    @Test
    void valuesAreLogfmtAndCannotForgeFields() {
        assertEquals(" k=alice", field("alice"));
        assertEquals(" k=\"IAM PQ response\"", field("IAM PQ response"));
        assertEquals(" k=\"\"", field(""));
        assertEquals(" k=\"/x?a=b\"", field("/x?a=b"));
        assertEquals(" k=\"a\\\" result=allow\"", field("a\" result=allow"));
        assertEquals(" k=\"line\\x0aforged\"", field("line\nforged"));
        assertEquals(" k=" + "a".repeat(300) + "...", field("a".repeat(400)));
    }
}
