package org.clusterlogs.auth.testsupport;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * Calls of the IAM API as a client makes them, for tests against the running service: the
 * superuser of the test profile, fresh names, and a distinct client address per failing login
 * (the test profile trusts 127.0.0.1 as a proxy) so that throttling buckets never leak between tests.
 */
public final class Iam {

    public static final String API = "/acs/api/v1";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private Iam() {
    }

    /** A uid no other test uses. */
    public static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client address no other call used (TEST-NET ranges), sent as X-Forwarded-For. */
    public static String freshAddress() {
        int n = ADDRESS.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    public static ValidatableResponse login(String uid, String password) {
        return given().contentType("application/json").header("X-Forwarded-For", freshAddress())
                .body(Map.of("uid", uid, "password", password))
                .post(API + "/auth/login").then();
    }

    public static String token(String uid, String password) {
        return login(uid, password).statusCode(200).extract().path("token");
    }

    public static String adminToken() {
        return token(ADMIN, ADMIN_PASSWORD);
    }

    /** A request carrying {@code Authorization: token=<jwt>}. */
    public static RequestSpecification as(String token) {
        return given().header("Authorization", "token=" + token);
    }

    /** Creates a user with a password (as the superuser). */
    public static void createUser(String admin, String uid, String password) {
        as(admin).contentType("application/json").body(Map.of("description", "test user", "password", password))
                .put(API + "/users/" + uid).then().statusCode(201);
    }

    /** Creates the ACL if needed and grants the action to the user. */
    public static void grant(String admin, String rid, String uid, String action) {
        String path = API + "/acls/" + rid.replace("/", "%252F");
        as(admin).urlEncodingEnabled(false).contentType("application/json").body(Map.of("description", "test"))
                .put(path);
        as(admin).urlEncodingEnabled(false).put(path + "/users/" + uid + "/" + action).then().statusCode(204);
    }
}
