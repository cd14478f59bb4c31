package org.clusterlogs.logs.source.search;

import org.clusterlogs.logs.source.BadParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrepTest {

    private static Grep grep(String pattern) {
        return Grep.parse(pattern).orElseThrow();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} requires ''{1}'' (whole: {2})")
    @CsvSource(delimiter = '|', value = {
        "ERROR               | ERROR        | true",
        "a\\.b               | a.b          | true",
        "req-[0-9]+ failed   | ' failed'    | false",
        "colou?r             | colo         | false",
        "ab*cdef             | cdef         | false",
        "x{2}yz              | yz           | false",
        "(abc)+def           | def          | false",
        "(?i)error           | ''           | false",
        "'foo|barbaz'        | ''           | false",
        "^start.*end$        | start        | false",
        "\\d+ items          | ' items'     | false",
        "[a-z]+ tail         | ' tail'      | false",
        "[]x] tail           | ' tail'      | false",
        "ab+c                | ab           | false",
        "'id=(1|2)x'         | id=          | false",
        "'[|]abc'            | abc          | false",
    })
    void requiredLiteral(String pattern, String literal, boolean whole) {
        RequiredLiteral r = RequiredLiteral.of(pattern);
        assertEquals(literal, r.text());
        assertEquals(whole, r.whole());
    }

    @Test
    void quantifierTakesBackAWholeCharacterOutsideTheBmp() {
        assertEquals("ab", RequiredLiteral.of("ab\uD83D\uDE00?").text());
    }

    @ParameterizedTest(name = "{0} in ''{1}'': {2}")
    @CsvSource(delimiter = '|', value = {
        "ERROR                 | 2026 ERROR disk full      | true",
        "ERROR                 | 2026 error disk full      | false",
        "req-[0-9]+ failed     | req-42 failed             | true",
        "req-[0-9]+ failed     | req-x failed              | false",
        "(?i)error             | An Error                  | true",
        "colou?r               | color                     | true",
        "ünïcödé               | say ünïcödé now           | true",
        "^a.c$                 | abc                       | true",
        "^a.c$                 | xabc                      | false",
    })
    void findsInBytesAndStrings(String pattern, String line, boolean expected) {
        assertEquals(expected, grep(pattern).matches(utf8(line)));
        assertEquals(expected, grep(pattern).matches(line));
    }

    @Test
    void badSyntaxIsABadParameterWithTheReason() {
        BadParameterException e = assertThrows(BadParameterException.class, () -> Grep.parse("a(b"));
        assertTrue(e.getMessage().contains("missing closing )"), e.getMessage());
        assertTrue(Grep.parse("").isEmpty());
        assertTrue(Grep.parse(null).isEmpty());
    }

    @Test
    @Timeout(30)
    void pathologicalPatternRunsInLinearTime() {
        byte[] line = new byte[1 << 20];
        Arrays.fill(line, (byte) 'a');
        line[line.length - 1] = '!';
        assertFalse(grep("(a+)+$").matches(line));
        assertFalse(grep("(a|aa)*b").matches(line));
    }

    @Test
    void skipGoesToTheLineOfTheNextHitOrPastTheLastCompleteLine() {
        LiteralFinder finder = grep("needle").finder().orElseThrow();
        String text = "hay one\nhay two\nsome needle here\nhay\npartial";
        byte[] buffer = utf8(text);
        int hitLine = text.indexOf("some");
        int afterLastNewline = text.lastIndexOf('\n') + 1;
        assertEquals(hitLine, skip(finder, buffer, 0));
        assertEquals(hitLine, skip(finder, buffer, hitLine));
        assertEquals(hitLine + 3, skip(finder, buffer, hitLine + 3), "inside the hit's line: stays");
        assertEquals(afterLastNewline, skip(finder, buffer, text.indexOf("here")), "no hit after: past the last newline");
        assertEquals(afterLastNewline, skip(finder, buffer, afterLastNewline));
        assertTrue(grep("[0-9]+x?").finder().isEmpty());
    }

    /** A reader's skip over a whole buffer from {@code from}: to the next hit's line. */
    private static int skip(LiteralFinder finder, byte[] buffer, int from) {
        return LiteralFinder.skipTo(buffer, from, buffer.length, finder.indexOf(buffer, from, buffer.length));
    }

    @Test
    void literalIsFoundAtEveryOffsetAndNotPastTheLimit() {
        LiteralFinder finder = grep("needle").finder().orElseThrow();
        for (int at = 0; at < 40; at++) {
            byte[] bytes = utf8("n".repeat(at) + "needle" + "x".repeat(20));
            assertEquals(at, finder.indexOf(bytes, 0, bytes.length));
            assertEquals(at, finder.indexOf(bytes, at, at + 6));
            assertEquals(-1, finder.indexOf(bytes, 0, at + 5), "the literal must end before the limit");
            assertEquals(-1, finder.indexOf(bytes, at + 1, bytes.length));
        }
        LiteralFinder one = grep("x").finder().orElseThrow();
        assertEquals(3, one.indexOf(utf8("abcxx"), 0, 5));
    }
}
