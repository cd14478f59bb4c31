package org.clusterlogs.auth.login;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.clusterlogs.auth.testsupport.Iam;
import org.clusterlogs.auth.testsupport.ServiceKeys;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.clusterlogs.auth.testsupport.Iam.API;
import static org.clusterlogs.auth.testsupport.Iam.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login over HTTP (iam.md §3, HARDENED): validation order, cookies, service accounts, refresh, throttling. */
@QuarkusTest
class LoginTest {

    private static final String LOGIN = API + "/auth/login";
    private String admin;

    @BeforeEach
    void logIn() {
        admin = Iam.adminToken();
    }

    private static io.restassured.specification.RequestSpecification client() {
        return given().header("X-Forwarded-For", Iam.freshAddress());
    }

    @Test
    void validationOrder() {
        ProblemJson.assertProblem(client().accept("text/html").contentType("application/json")
                .body(Map.of("uid", "a", "password", "b")).post(LOGIN).then(), 406);
        assertEquals(400, postWithoutContentType("{\"uid\":\"a\",\"password\":\"b\"}"));
        ProblemJson.assertProblem(client().contentType("text/plain").body("uid=a").post(LOGIN).then(), 415);
        ProblemJson.assertProblem(client().contentType("application/json").body("{not json").post(LOGIN).then(), 400,
                "ERR_INVALID_DATA", LOGIN);
        ProblemJson.assertProblem(client().contentType("application/json").body("{\"uid\":5,\"password\":\"b\"}")
                .post(LOGIN).then(), 400, "ERR_INVALID_DATA", LOGIN);
        ProblemJson.assertProblem(client().contentType("application/json")
                .body(Map.of("uid", "a", "password", "b", "token", "c")).post(LOGIN).then(), 400, "ERR_INVALID_DATA", LOGIN)
                .body("description", containsString("exactly one"));
        ProblemJson.assertProblem(client().contentType("application/json").body(Map.of("uid", "a")).post(LOGIN).then(),
                400, "ERR_INVALID_DATA", LOGIN);
        ProblemJson.assertProblem(client().contentType("application/json").body(Map.of("password", "b"))
                .post(LOGIN).then(), 400, "ERR_INVALID_DATA", LOGIN);
        ProblemJson.assertProblem(client().contentType("application/json").body(Map.of("uid", "", "password", "b"))
                .post(LOGIN).then(), 400, "ERR_INVALID_DATA", LOGIN);
        ProblemJson.assertProblem(client().contentType("application/json").body(Map.of("uid", "a", "password", ""))
                .post(LOGIN).then(), 400, "ERR_INVALID_DATA", LOGIN);
        // {token} without uid (the legacy OIDC login) is out of scope: a failed login
        failedLogin(client().contentType("application/json").body(Map.of("token", "x.y.z")).post(LOGIN).then().extract());
        // form-encoded bodies are taken, as by the reference
        client().contentType("application/x-www-form-urlencoded").body("uid=admin&password=admin-password")
                .post(LOGIN).then().statusCode(200).body("token", notNullValue());
    }

    /** REST Assured always names a content type: a plain HTTP client sends none. */
    private static int postWithoutContentType(String body) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                                    + io.restassured.RestAssured.port + LOGIN))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(response.body().contains("ERR_INVALID_DATA"), response.body());
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownUserWrongPasswordAndWrongCredentialKindLookTheSame() {
        String uid = Iam.unique("henry");
        String svc = Iam.unique("svc");
        Iam.createUser(admin, uid, "secret-password");
        ServiceKeys keys = ServiceKeys.generate();
        as(admin).contentType("application/json").body(Map.of("public_key", keys.publicPem())).put(API + "/users/" + svc)
                .then().statusCode(201);

        String unknown = failedLogin(Iam.login(Iam.unique("nobody"), "secret-password").extract());
        String wrong = failedLogin(Iam.login(uid, "wrong-password").extract());
        String invalidUid = failedLogin(Iam.login("../etc/passwd", "secret-password").extract());
        String serviceWithPassword = failedLogin(Iam.login(svc, "secret-password").extract());
        String userWithToken = failedLogin(client().contentType("application/json")
                .body(Map.of("uid", uid, "token", keys.loginToken(uid))).post(LOGIN).then().extract());
        assertEquals(unknown, wrong);
        assertEquals(unknown, invalidUid);
        assertEquals(unknown, serviceWithPassword);
        assertEquals(unknown, userWithToken);
    }

    /** Asserts the one failed-login answer and returns its body, minus nothing: it must be identical. */
    private static String failedLogin(ExtractableResponse<Response> response) {
        assertEquals(401, response.statusCode());
        assertEquals("acsjwt", response.header("WWW-Authenticate"));
        assertEquals("application/problem+json", response.contentType());
        assertEquals("ERR_INVALID_CREDENTIALS", response.path("code"));
        assertTrue(response.headers().getList("Set-Cookie").isEmpty());
        return response.asString();
    }

    @Test
    void aLoginAnswersATokenAndTheTwoCookies() {
        String uid = Iam.unique("ines");
        Iam.createUser(admin, uid, "secret-password");
        ExtractableResponse<Response> ok = Iam.login(uid, "secret-password").statusCode(200)
                .contentType("application/json").header("Cache-Control", containsString("no-store")).extract();
        String token = ok.path("token");
        String[] parts = token.split("\\.");
        Map<?, ?> header = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                io.restassured.path.json.JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[0]))).getMap(""),
                Map.class);
        assertEquals("RS256", header.get("alg"));
        assertEquals("JWT", header.get("typ"));
        assertTrue(header.get("kid") instanceof String);
        io.restassured.path.json.JsonPath claims = io.restassured.path.json.JsonPath.from(
                new String(Base64.getUrlDecoder().decode(parts[1])));
        assertEquals(uid, claims.getString("uid"));
        assertEquals(uid, claims.getString("sub"));
        assertEquals("clusterlogs-auth", claims.getString("iss"));
        long lifetime = claims.getLong("exp") - claims.getLong("iat");
        assertEquals(900, lifetime);
        assertNotEquals(null, claims.getString("jti"));

        String auth = cookie(ok, AuthCookies.AUTH);
        assertTrue(auth.startsWith(AuthCookies.AUTH + "=" + token), auth);
        for (String attribute : new String[] {"HttpOnly", "Secure", "SameSite=Strict", "Path=/", "Max-Age="}) {
            assertTrue(auth.contains(attribute), auth + " lacks " + attribute);
        }
        String info = cookie(ok, AuthCookies.INFO);
        assertTrue(!info.contains("HttpOnly") && info.contains("Secure"), info);
        String value = info.substring(info.indexOf('=') + 1, info.indexOf(';'));
        io.restassured.path.json.JsonPath infoJson = io.restassured.path.json.JsonPath.from(
                new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
        assertEquals(uid, infoJson.getString("uid"));
        assertEquals(false, infoJson.getBoolean("is_remote"));
        assertEquals("test user", infoJson.getString("description"));

        ExtractableResponse<Response> out = given().get(API + "/auth/logout").then().statusCode(200).extract();
        String cleared = cookie(out, AuthCookies.AUTH);
        assertTrue(cleared.contains("Max-Age=0") && cleared.startsWith(AuthCookies.AUTH + "=;"), cleared);
        assertTrue(cookie(out, AuthCookies.INFO).contains("Max-Age=0"));
    }

    private static String cookie(ExtractableResponse<Response> response, String name) {
        return response.headers().getList("Set-Cookie").stream().map(h -> h.getValue())
                .filter(v -> v.startsWith(name + "=")).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void serviceAccountsLogInWithASignedLoginTokenOnce() {
        String svc = Iam.unique("svc");
        ServiceKeys keys = ServiceKeys.generate();
        as(admin).contentType("application/json").body(Map.of("public_key", keys.publicPem())).put(API + "/users/" + svc)
                .then().statusCode(201);
        String loginToken = keys.loginToken(svc);
        String token = client().contentType("application/json").body(Map.of("uid", svc, "token", loginToken))
                .post(LOGIN).then().statusCode(200).extract().path("token");
        assertTrue(token.split("\\.").length == 3);
        // one-time: the same login token again
        failedLogin(client().contentType("application/json").body(Map.of("uid", svc, "token", loginToken))
                .post(LOGIN).then().extract());

        long now = Instant.now().getEpochSecond();
        java.util.List<java.util.function.Function<String, String>> refused = java.util.List.of(
                uid -> keys.loginToken(uid, now + 3600),                    // exp too far ahead
                uid -> keys.loginToken(uid, now - 120),                     // expired
                uid -> keys.loginToken(Iam.unique("other"), now + 60),      // uid is not the login uid
                uid -> ServiceKeys.generate().loginToken(uid),              // another key
                uid -> noExp(uid, keys),                                    // no exp
                uid -> hs256(uid, keys.publicPem()),                        // HS256 with the public key's text
                uid -> "not.a.token");
        for (java.util.function.Function<String, String> bad : refused) {
            // a fresh account each time: five failures would throttle one uid
            String account = Iam.unique("svc");
            as(admin).contentType("application/json").body(Map.of("public_key", keys.publicPem()))
                    .put(API + "/users/" + account).then().statusCode(201);
            failedLogin(client().contentType("application/json").body(Map.of("uid", account, "token", bad.apply(account)))
                    .post(LOGIN).then().extract());
        }
    }

    /** A login token without exp (SmallRye's builder would add one). */
    private static String noExp(String uid, ServiceKeys keys) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"uid\":\"" + uid + "\",\"iat\":"
                + Instant.now().getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.pair().getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(String uid, String secret) {
        return io.smallrye.jwt.build.Jwt.claims().claim("uid", uid).expiresAt(Instant.now().getEpochSecond() + 60)
                .issuedAt(Instant.now().getEpochSecond()).claim("jti", "j").jws()
                .signWithSecret(secret);
    }

    @Test
    void refreshTakesTheCookieWithTheCsrfHeaderOrAHeaderToken() {
        String uid = Iam.unique("jane");
        Iam.createUser(admin, uid, "secret-password");
        String token = Iam.token(uid, "secret-password");

        ProblemJson.assertProblem(given().cookie(AuthCookies.AUTH, token).post(API + "/auth/refresh").then(), 403,
                "ERR_CSRF_HEADER_MISSING", API + "/auth/refresh");
        ExtractableResponse<Response> refreshed = given().cookie(AuthCookies.AUTH, token)
                .header("X-Requested-By", "console").post(API + "/auth/refresh").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).body("token", not(equalTo(token))).extract();
        assertTrue(cookie(refreshed, AuthCookies.AUTH).contains("HttpOnly"));
        as(token).post(API + "/auth/refresh").then().statusCode(200).body("token", notNullValue());
        ProblemJson.assertProblem(given().post(API + "/auth/refresh").then(), 401);

        // a deleted user's token refreshes no more
        as(admin).delete(API + "/users/" + uid).then().statusCode(204);
        failedLogin(as(token).post(API + "/auth/refresh").then().extract());
    }

    @Test
    void bruteForceIsThrottledPerUidAndPerAddressTheSameForUnknownUids() {
        String uid = Iam.unique("kate");
        Iam.createUser(admin, uid, "secret-password");
        String ghost = Iam.unique("ghost");
        String known = null;
        String unknown = null;
        for (int i = 0; i < 5; i++) {
            Iam.login(uid, "wrong-" + i).statusCode(401);
            Iam.login(ghost, "wrong-" + i).statusCode(401);
        }
        ExtractableResponse<Response> k = Iam.login(uid, "wrong").statusCode(429).header("Retry-After", notNullValue())
                .extract();
        ExtractableResponse<Response> u = Iam.login(ghost, "wrong").statusCode(429).header("Retry-After", notNullValue())
                .extract();
        known = k.asString().replace(uid, "X");
        unknown = u.asString().replace(ghost, "X");
        assertEquals(known, unknown);
        assertEquals("ERR_TOO_MANY_LOGIN_ATTEMPTS", k.path("code"));
        assertTrue(Integer.parseInt(k.header("Retry-After")) >= 1);
        // even the right password waits now
        Iam.login(uid, "secret-password").statusCode(429);

        // per address: one client trying many uids
        String address = Iam.freshAddress();
        int refused = 0;
        for (int i = 0; i < 31; i++) {
            int status = given().header("X-Forwarded-For", address).contentType("application/json")
                    .body(Map.of("uid", Iam.unique("spray"), "password", "guess")).post(LOGIN).statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertEquals(1, refused, "the 31st failure from one address is throttled");
        // another address is not
        Iam.login(Iam.unique("spray"), "guess").statusCode(401);
    }
}
