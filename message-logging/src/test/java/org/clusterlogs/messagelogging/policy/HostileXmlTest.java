package org.clusterlogs.messagelogging.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents built to attack the parser are refused with a clear error, and nothing they name is read. */
class HostileXmlTest {

    private final PolicyParser parser = new PolicyParser();

    private PolicyError onlyError(String xml) {
        PolicyParseResult result = parser.parse("P", xml);
        assertEquals(1, result.errors().size(), () -> "one error expected: " + result.errors());
        return result.errors().get(0);
    }

    @Test
    void externalEntityIsRefusedAndNotRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE MessageLogging [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<MessageLogging name=\"P\"><Syslog><Message>&xxe;</Message></Syslog></MessageLogging>";
        PolicyError error = onlyError(xml);
        assertEquals(new PolicyError("DoctypeNotAllowed",
                "A DOCTYPE is not allowed in a policy (no DTDs, no entities) in policy P.", "P"), error);
        assertFalse(error.message().contains("TOP-SECRET"));
    }

    @Test
    void externalDtdIsRefused(@TempDir Path dir) throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY x \"boom\">");
        assertEquals("DoctypeNotAllowed", onlyError("<!DOCTYPE MessageLogging SYSTEM \"" + dtd.toUri() + "\">"
                + "<MessageLogging name=\"P\"><Syslog><Message>&x;</Message></Syslog></MessageLogging>").code());
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE MessageLogging [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        assertEquals("DoctypeNotAllowed", onlyError(dtd + "<MessageLogging name=\"P\"><Syslog><Message>&a9;</Message>"
                + "</Syslog></MessageLogging>").code());
    }

    @Test
    void undeclaredEntityIsNotWellFormed() {
        PolicyError error = onlyError("<MessageLogging name=\"P\"><Syslog><Message>&nope;</Message></Syslog></MessageLogging>");
        assertTrue(error.code().equals("InvalidXml") || error.code().equals("DoctypeNotAllowed"), error.toString());
    }

    @Test
    void tooLarge() {
        String xml = "<MessageLogging name=\"P\"><Syslog><Message>" + "x".repeat(SafeXml.MAX_CHARS) + "</Message></Syslog></MessageLogging>";
        assertEquals(new PolicyError("PolicyTooLarge", "The policy document has " + xml.length()
                + " characters, more than the 65536 allowed in policy P.", "P"), onlyError(xml));
    }

    @Test
    void tooDeep() {
        String xml = "<MessageLogging name=\"P\">" + "<a>".repeat(20) + "</a>".repeat(20) + "</MessageLogging>";
        assertEquals(new PolicyError("XmlTooDeep", "Elements are nested deeper than 12 levels in policy P.", "P"), onlyError(xml));
    }

    @Test
    void malformed() {
        PolicyError error = onlyError("<MessageLogging name=\"P\"><Syslog></MessageLogging>");
        assertEquals("InvalidXml", error.code());
        assertTrue(error.message().startsWith("The policy is not well-formed XML: "), error.message());
        assertEquals("InvalidXml", onlyError("").code());
        assertEquals("InvalidXml", onlyError("not xml").code());
    }
}
