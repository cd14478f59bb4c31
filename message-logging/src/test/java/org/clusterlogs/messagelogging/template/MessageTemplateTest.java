package org.clusterlogs.messagelogging.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTemplateTest {

    private static final Map<String, String> VARS = new HashMap<>(Map.of(
            "request.verb", "GET",
            "request.uri", "/system/v1/logs/v2/task/web?cursor=END",
            "user.uid", "alice",
            "empty", "",
            "quote", "say \"hi\"\n\tthen <leave> & 'go'",
            "response.status.code", "200"));

    private static String render(String template) {
        return MessageTemplate.compile(template, null, true).render(VARS::get);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{request.verb} {request.uri}|GET /system/v1/logs/v2/task/web?cursor=END",
            "`{missing}`|``",
            "`[{missing}]`|`[]`",
            "{missing:none}|none",
            "{user.uid:none}|alice",
            "`{empty:none}`|``",
            "{missing:with spaces and = signs}|with spaces and = signs",
            "`{\"a\":\"b\"}`|`{\"a\":\"b\"}`",
            "`{\"user\":\"{user.uid}\",\"status\":{response.status.code}}`|`{\"user\":\"alice\",\"status\":200}`",
            "{ user.uid }|{ user.uid }",
            "{}|{}",
            "{{user.uid}}|{alice}",
            "unclosed {user.uid|unclosed {user.uid",
            "}{user.uid}{|}alice{",
            "{user.uid:a:b}|alice",
            "{missing:a:b}|a:b",
            "{toUpperCase(user.uid)}|ALICE",
            "{toLowerCase('MiXeD')}|mixed",
            "{firstnonnull(missing, other, user.uid)}|alice",
            "{firstnonnull(missing, 'fallback')}|fallback",
            "{substring(user.uid, 1, 3)}|li",
            "{substring(user.uid, 2)}|ice",
            "{replaceAll(request.uri, '\\?.*', '')}|/system/v1/logs/v2/task/web",
            "{replaceFirst(user.uid, 'a', 'A')}|Alice",
            "{encodeBase64(user.uid)}|YWxpY2U=",
            "{sha256Hex(user.uid)}|2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90",
            "{escapeJSON(missing:n/a)}|n/a"})
    void renders(String template, String expected) {
        assertEquals(expected, render(template));
    }

    @Test
    void escapeFunctions() {
        assertEquals("say \\\"hi\\\"\\n\\tthen <leave> & 'go'", render("{escapeJSON(quote)}"));
        assertEquals("say &quot;hi&quot;\n\tthen &lt;leave&gt; &amp; &apos;go&apos;", render("{escapeXML(quote)}"));
    }

    @Test
    void defaultVariableValueAppliesToEveryUnresolvedReference() {
        MessageTemplate t = MessageTemplate.compile("id={request.header.id} user={user.uid} x={x:inline} f={toUpperCase(nope)}",
                "unknown", true);
        assertEquals("id=unknown user=alice x=inline f=unknown", t.render(VARS::get));
    }

    @Test
    void unresolvedFailsWhenNotIgnored() {
        MessageTemplate t = MessageTemplate.compile("{user.uid} {request.header.id}", null, false);
        TemplateRenderException e = assertThrows(TemplateRenderException.class, () -> t.render(VARS::get));
        assertEquals("unresolved variable request.header.id (IgnoreUnresolvedVariables is false)", e.getMessage());
        // a default of either kind resolves it
        assertEquals("alice -", MessageTemplate.compile("{user.uid} {request.header.id:-}", null, false).render(VARS::get));
        assertEquals("alice ?", MessageTemplate.compile("{user.uid} {request.header.id}", "?", false).render(VARS::get));
    }

    @Test
    void failingFunctionIsARenderFailure() {
        MessageTemplate t = MessageTemplate.compile("{substring(user.uid, 4, 2)}", null, true);
        assertThrows(TemplateRenderException.class, () -> t.render(VARS::get));
    }

    @Test
    void compileErrorsAreAllReported() {
        TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class,
                () -> MessageTemplate.compile("{nope(a)} {escapeJSON()} {toUpperCase(a b)} {substring(a)}", null, true));
        assertEquals(4, e.problems().size(), e.problems()::toString);
        assertTrue(e.problems().get(0).startsWith("unknown function nope (known: encodeBase64, escapeJSON, escapeXML, firstnonnull, "),
                e.problems().get(0));
        assertEquals(List.of("escapeJSON takes 1 argument, got 0",
                "invalid argument 'a b' of toUpperCase (a variable name, a number or 'quoted text')",
                "substring takes 2 to 3 arguments, got 1"), e.problems().subList(1, 4));
    }

    @Test
    void flowContextHeadersAreCaseInsensitiveQueryParamsAreNot() {
        FlowContext context = FlowContext.builder()
                .set("request.verb", "POST")
                .set("nothing", null)
                .requestHeader("X-Request-Id", "r-1")
                .requestHeader("Accept", "text/plain")
                .requestHeader("accept", "application/json")
                .responseHeader("Content-Type", "text/event-stream")
                .queryParam("cursor", "END")
                .queryParam("cursor", "ignored")
                .build();
        MessageTemplate t = MessageTemplate.compile("{request.verb} {request.header.x-request-id} {request.header.X-REQUEST-ID} "
                + "[{request.header.ACCEPT}] {response.header.content-type} {request.queryparam.cursor} "
                + "[{request.queryparam.Cursor}] [{nothing}]", null, true);
        assertEquals("POST r-1 r-1 [text/plain,application/json] text/event-stream END [] []", t.render(context));
    }
}
