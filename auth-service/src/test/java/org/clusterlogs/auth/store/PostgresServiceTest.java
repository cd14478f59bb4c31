package org.clusterlogs.auth.store;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.clusterlogs.auth.testsupport.Iam;
import org.clusterlogs.auth.testsupport.ServiceKeys;
import org.clusterlogs.testing.PostgresResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.clusterlogs.auth.testsupport.Iam.API;
import static org.clusterlogs.auth.testsupport.Iam.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole service on PostgreSQL ({@code auth.store=postgresql}): migrated at start, bootstrap
 * (with one of the suite's service accounts from configuration), login, a write and a decision,
 * and the rows are really in PostgreSQL.
 */
@QuarkusTest
@TestProfile(PostgresServiceTest.OnPostgres.class)
class PostgresServiceTest {

    /** Its own profile, so the PostgreSQL-backed app starts once for this class only. */
    public static class OnPostgres implements QuarkusTestProfile {

        static final ServiceKeys LOG_SERVICE = ServiceKeys.generate();

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                // as deployments do it: a directory of <uid>.pem files
                Path dir = Files.createTempDirectory("service-account-keys");
                Files.writeString(dir.resolve("log-service.pem"), LOG_SERVICE.publicPem());
                return Map.of("auth.bootstrap.service-account-keys-dir", dir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(PostgresResource.class, Map.of("store-key", "auth.store")));
        }
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.postgresql.jdbc.url")
    String url;

    @Test
    void theSuiteServiceAccountIsBootstrappedWithItsGrants() {
        String token = given().contentType("application/json")
                .body(Map.of("uid", "log-service", "token", OnPostgres.LOG_SERVICE.loginToken("log-service")))
                .post(API + "/auth/login").then().statusCode(200).extract().path("token");
        as(token).queryParam("rid", "dcos:adminrouter:ops:system-logs").queryParam("uid", "admin")
                .queryParam("action", "full").get(API + "/internal/policyquery").then().statusCode(200)
                .body("allowed", equalTo(true));
        as(token).get(API + "/users").then().statusCode(403);
        // and, by default, reading the deployed MessageLogging policies, which every service follows
        String admin = Iam.adminToken();
        for (String action : new String[] {"read", "full"}) {
            as(admin).queryParam("rid", "dcos:adminrouter:ops:policies").queryParam("uid", "log-service")
                    .queryParam("action", action).get(API + "/internal/policyquery").then().statusCode(200)
                    .body("allowed", equalTo(action.equals("read")));
        }
    }

    @Test
    void servesFromPostgres() throws Exception {
        String admin = Iam.adminToken();
        String uid = Iam.unique("pg-user");
        Iam.createUser(admin, uid, "secret-password");
        Iam.grant(admin, "dcos:adminrouter:ops:system-logs", uid, "full");
        as(admin).queryParam("rid", "dcos:adminrouter:ops:system-logs").queryParam("uid", uid)
                .queryParam("action", "full").get(API + "/internal/policyquery").then().statusCode(200)
                .body("allowed", equalTo(true));
        Iam.login(uid, "secret-password").statusCode(200);
        try (Connection c = DriverManager.getConnection(url, "test", "test");
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM iam_users WHERE uid = '" + uid + "'")) {
            assertTrue(rs.next() && rs.getInt(1) == 1, "the user is a row in PostgreSQL");
        }
        try (Connection c = DriverManager.getConnection(url, "test", "test");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM signing_keys")) {
            assertTrue(rs.next() && rs.getInt(1) >= 1, "the signing key is shared through PostgreSQL");
        }
    }
}
