package org.clusterlogs.auth.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.clusterlogs.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The body checks of a login, in the reference's order. */
class LoginRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static int status(String contentType, String body) {
        return assertThrows(ProblemException.class, () -> LoginRequest.parse(contentType, body.getBytes(StandardCharsets.UTF_8),
                JSON)).status();
    }

    @Test
    void theOrderOfRefusals() {
        assertEquals(400, status(null, "{\"uid\":\"a\",\"password\":\"b\"}"));
        assertEquals(415, status("text/xml", "<login/>"));
        assertEquals(400, status("application/json", "{"));
        assertEquals(400, status("application/json", "[]"));
        assertEquals(400, status("application/json", "{\"uid\":1,\"password\":\"b\"}"));
        assertEquals(400, status("application/json", "{\"uid\":\"a\"}"));
        assertEquals(400, status("application/json", "{\"uid\":\"a\",\"password\":\"b\",\"token\":\"t\"}"));
        assertEquals(400, status("application/json", "{\"password\":\"b\"}"));
        assertEquals(400, status("application/json", "{\"uid\":\"\",\"password\":\"b\"}"));
    }

    @Test
    void goodBodies() {
        assertEquals(new LoginRequest("a", "b", null), LoginRequest.parse("application/json; charset=utf-8",
                "{\"uid\":\"a\",\"password\":\"b\",\"exp\":0}".getBytes(StandardCharsets.UTF_8), JSON));
        assertEquals(new LoginRequest(null, null, "t"), LoginRequest.parse("application/json",
                "{\"token\":\"t\"}".getBytes(StandardCharsets.UTF_8), JSON));
        assertEquals(new LoginRequest("a b", "c&d", null), LoginRequest.parse("application/x-www-form-urlencoded",
                "uid=a+b&password=c%26d".getBytes(StandardCharsets.UTF_8), JSON));
    }
}
