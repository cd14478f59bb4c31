package org.clusterlogs.auth.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.clusterlogs.auth.testsupport.Iam;
import org.clusterlogs.auth.testsupport.ServiceKeys;
import org.clusterlogs.testing.ProblemJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.clusterlogs.auth.testsupport.Iam.API;
import static org.clusterlogs.auth.testsupport.Iam.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The management API over HTTP: users, service accounts, groups, ACLs, grants, their errors and lists. */
@QuarkusTest
class IamApiTest {

    private String admin;

    @BeforeEach
    void logIn() {
        admin = Iam.adminToken();
    }

    private ValidatableResponse iamError(ValidatableResponse response, int status, String code) {
        return ProblemJson.assertProblem(response, status).body("code", equalTo(code))
                .body("description", not(nullValue()));
    }

    @Test
    void usersAreCreatedListedReadChangedAndDeleted() {
        String uid = Iam.unique("alice");
        Iam.createUser(admin, uid, "secret-password");
        as(admin).get(API + "/users/" + uid).then().statusCode(200)
                .body("uid", equalTo(uid)).body("url", equalTo(API + "/users/" + uid))
                .body("description", equalTo("test user")).body("is_remote", equalTo(false))
                .body("is_service", equalTo(false)).body("provider_type", equalTo("internal"))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")));
        as(admin).get(API + "/users").then().statusCode(200).body("array.uid", hasItem(uid));

        iamError(as(admin).contentType("application/json").body(Map.of("password", "secret-password"))
                .put(API + "/users/" + uid).then(), 409, "ERR_USER_EXISTS");

        as(admin).contentType("application/json").body(Map.of("description", "changed", "password", "other-password"))
                .patch(API + "/users/" + uid).then().statusCode(204);
        as(admin).get(API + "/users/" + uid).then().body("description", equalTo("changed"));
        Iam.login(uid, "other-password").statusCode(200);
        iamError(as(admin).contentType("application/json").body(Map.of())
                .patch(API + "/users/" + uid).then(), 400, "ERR_INVALID_DATA");

        as(admin).delete(API + "/users/" + uid).then().statusCode(204);
        iamError(as(admin).get(API + "/users/" + uid).then(), 400, "ERR_UNKNOWN_USER_ID");
        iamError(as(admin).delete(API + "/users/" + uid).then(), 400, "ERR_UNKNOWN_USER_ID");
        iamError(as(admin).contentType("application/json").body(Map.of("description", "x"))
                .patch(API + "/users/" + uid).then(), 400, "ERR_UNKNOWN_USER_ID");
    }

    @Test
    void uidRulesHoldOnEveryPath() {
        for (String ok : new String[] {"a", "Az09@.", "a-", "a.a", "a_a", "a".repeat(96)}) {
            String uid = ok.length() > 10 ? ok : ok + Iam.unique("").substring(1);
            if (ok.length() == 96) {
                uid = ok;
                as(admin).delete(API + "/users/" + uid);
            }
            as(admin).contentType("application/json").body(Map.of("password", "secret-password"))
                    .put(API + "/users/" + uid).then().statusCode(201);
        }
        for (String bad : new String[] {"a!", "!a", "a".repeat(97), "anonymous", "a%20b", "a%2Fb", "%00"}) {
            iamError(as(admin).urlEncodingEnabled(false).contentType("application/json")
                    .body(Map.of("password", "secret-password")).put(API + "/users/" + bad).then(),
                    400, "ERR_INVALID_USER_ID");
            iamError(as(admin).urlEncodingEnabled(false).get(API + "/users/" + bad).then(), 400, "ERR_INVALID_USER_ID");
        }
        // a dot segment is resolved by the HTTP stack before routing: a 4xx, never a user
        ProblemJson.assertProblem(as(admin).urlEncodingEnabled(false).get(API + "/users/%2E%2E").then(), 404);
    }

    @Test
    void credentialsAreCheckedOnCreate() {
        String uid = Iam.unique("bob");
        iamError(as(admin).contentType("application/json").body(Map.of("description", "no credential"))
                .put(API + "/users/" + uid).then(), 400, "ERR_INVALID_DATA");
        iamError(as(admin).contentType("application/json").body(Map.of("password", "short"))
                .put(API + "/users/" + uid).then(), 400, "ERR_INVALID_DATA");
        iamError(as(admin).contentType("application/json").body(Map.of("password", "é".repeat(37)))
                .put(API + "/users/" + uid).then(), 400, "ERR_INVALID_DATA")
                .body("description", containsString("72 bytes"));
        iamError(as(admin).contentType("application/json")
                        .body(Map.of("password", "secret-password", "public_key", ServiceKeys.generate().publicPem()))
                        .put(API + "/users/" + uid).then(), 400, "ERR_INVALID_DATA");
        iamError(as(admin).contentType("application/json").body(Map.of("public_key", "not a key"))
                .put(API + "/users/" + uid).then(), 400, "ERR_INVALID_PUBLIC_KEY");
        as(admin).get(API + "/users").then().body("array.uid", not(hasItem(uid)));
    }

    @Test
    void serviceAccountsHaveKeysNotPasswords() {
        String uid = Iam.unique("svc");
        ServiceKeys keys = ServiceKeys.generate();
        as(admin).contentType("application/json").body(Map.of("description", "a service", "public_key", keys.publicPem()))
                .put(API + "/users/" + uid).then().statusCode(201);
        as(admin).get(API + "/users/" + uid).then().statusCode(200).body("is_service", equalTo(true))
                .body("public_key", equalTo(keys.publicPem()));
        as(admin).get(API + "/users?type=service").then().body("array.uid", hasItem(uid));
        as(admin).get(API + "/users").then().body("array.uid", not(hasItem(uid)));
        iamError(as(admin).contentType("application/json").body(Map.of("password", "secret-password"))
                .patch(API + "/users/" + uid).then(), 400, "ERR_INVALID_DATA");
    }

    @Test
    void groupsAndMemberships() {
        String gid = Iam.unique("ops");
        String uid = Iam.unique("carol");
        Iam.createUser(admin, uid, "secret-password");
        as(admin).contentType("application/json").body(Map.of("description", "operators"))
                .put(API + "/groups/" + gid).then().statusCode(201);
        iamError(as(admin).contentType("application/json").body(Map.of("description", "again"))
                .put(API + "/groups/" + gid).then(), 409, "ERR_GROUP_EXISTS");
        as(admin).get(API + "/groups").then().body("array.gid", hasItem(gid));
        as(admin).get(API + "/groups/" + gid).then().body("url", equalTo(API + "/groups/" + gid))
                .body("provider_type", equalTo("internal"));

        as(admin).put(API + "/groups/" + gid + "/users/" + uid).then().statusCode(204);
        iamError(as(admin).put(API + "/groups/" + gid + "/users/" + uid).then(), 409, "ERR_MEMBERSHIP_EXISTS");
        as(admin).get(API + "/groups/" + gid + "/users").then().statusCode(200)
                .body("array[0].user.uid", equalTo(uid))
                .body("array[0].membershipurl", equalTo(API + "/groups/" + gid + "/users/" + uid));
        as(admin).get(API + "/users/" + uid + "/groups").then().statusCode(200)
                .body("array[0].group.gid", equalTo(gid));
        iamError(as(admin).put(API + "/groups/" + gid + "/users/" + Iam.unique("nobody")).then(), 400,
                "ERR_UNKNOWN_USER_ID");
        iamError(as(admin).put(API + "/groups/" + Iam.unique("nogroup") + "/users/" + uid).then(), 400,
                "ERR_UNKNOWN_GROUP_ID");

        as(admin).contentType("application/json").body(Map.of("description", "renamed"))
                .patch(API + "/groups/" + gid).then().statusCode(204);
        as(admin).delete(API + "/groups/" + gid + "/users/" + uid).then().statusCode(204);
        as(admin).get(API + "/groups/" + gid + "/users").then().body("array", empty());
        as(admin).delete(API + "/groups/" + gid).then().statusCode(204);
        iamError(as(admin).get(API + "/groups/" + gid).then(), 400, "ERR_UNKNOWN_GROUP_ID");
    }

    @Test
    void aclsAndGrantsWithDoubleEncodedRids() {
        String uid = Iam.unique("dave");
        String gid = Iam.unique("readers");
        Iam.createUser(admin, uid, "secret-password");
        as(admin).contentType("application/json").body(Map.of("description", "g")).put(API + "/groups/" + gid);
        String rid = "dcos:service:marathon:/prod/" + Iam.unique("app");
        String path = API + "/acls/" + rid.replace("/", "%252F");

        iamError(as(admin).urlEncodingEnabled(false).put(path + "/users/" + uid + "/read").then(), 400,
                "ERR_UNKNOWN_RESOURCE_ID");
        as(admin).urlEncodingEnabled(false).contentType("application/json").body(Map.of("description", "an app"))
                .put(path).then().statusCode(201);
        iamError(as(admin).urlEncodingEnabled(false).contentType("application/json").body(Map.of("description", "x"))
                .put(path).then(), 409, "ERR_ACL_EXISTS");
        as(admin).get(API + "/acls").then().body("array.rid", hasItem(rid))
                .body("array.find { it.rid == '" + rid + "' }.url", equalTo(path));
        as(admin).urlEncodingEnabled(false).get(path).then().statusCode(200).body("rid", equalTo(rid));

        as(admin).urlEncodingEnabled(false).put(path + "/users/" + uid + "/read").then().statusCode(204);
        as(admin).urlEncodingEnabled(false).put(path + "/users/" + uid + "/read").then().statusCode(204);
        as(admin).urlEncodingEnabled(false).put(path + "/groups/" + gid + "/full").then().statusCode(204);
        iamError(as(admin).urlEncodingEnabled(false).put(path + "/users/" + uid + "/write").then(), 400,
                "ERR_INVALID_DATA");
        iamError(as(admin).urlEncodingEnabled(false).put(path + "/users/" + Iam.unique("ghost") + "/read").then(), 400,
                "ERR_UNKNOWN_USER_ID");

        as(admin).urlEncodingEnabled(false).get(path + "/users/" + uid + "/read").then().body("allowed", equalTo(true));
        as(admin).urlEncodingEnabled(false).get(path + "/users/" + uid + "/full").then().body("allowed", equalTo(false));
        as(admin).urlEncodingEnabled(false).get(path + "/users/" + uid).then().statusCode(200)
                .body("array.name", equalTo(java.util.List.of("read")))
                .body("array[0].url", equalTo(path + "/users/" + uid + "/read"));
        as(admin).urlEncodingEnabled(false).get(path + "/permissions").then().statusCode(200)
                .body("users[0].uid", equalTo(uid)).body("users[0].actions[0].name", equalTo("read"))
                .body("groups[0].gid", equalTo(gid)).body("groups[0].actions[0].name", equalTo("full"));
        as(admin).get(API + "/groups/" + gid + "/permissions").then().statusCode(200)
                .body("array[0].rid", equalTo(rid)).body("array[0].aclurl", equalTo(path));

        as(admin).urlEncodingEnabled(false).delete(path + "/users/" + uid + "/read").then().statusCode(204);
        iamError(as(admin).urlEncodingEnabled(false).delete(path + "/users/" + uid + "/read").then(), 400,
                "ERR_ACTION_NOT_YET_STORED");
        iamError(as(admin).urlEncodingEnabled(false).delete(path + "/users/" + uid).then(), 400, "ERR_USER_NOT_IN_ACL");
        as(admin).urlEncodingEnabled(false).delete(path + "/groups/" + gid).then().statusCode(204);
        iamError(as(admin).urlEncodingEnabled(false).delete(path + "/groups/" + gid).then(), 400,
                "ERR_GROUP_NOT_IN_ACL");
        as(admin).urlEncodingEnabled(false).contentType("application/json").body(Map.of("description", "new"))
                .patch(path).then().statusCode(204);
        as(admin).urlEncodingEnabled(false).delete(path).then().statusCode(204);
        iamError(as(admin).urlEncodingEnabled(false).get(path).then(), 400, "ERR_UNKNOWN_RESOURCE_ID");
    }

    @Test
    void theSuperusersGroupKeepsItsPermissionAndItsLastMember() {
        String superRid = API + "/acls/dcos:superuser";
        iamError(as(admin).delete(superRid + "/groups/superusers/full").then(), 400, "ERR_IS_SUPERUSER_GROUP");
        iamError(as(admin).delete(superRid + "/groups/superusers").then(), 400, "ERR_IS_SUPERUSER_GROUP");
        iamError(as(admin).delete(superRid).then(), 400, "ERR_IS_SUPERUSER_GROUP");
        iamError(as(admin).delete(API + "/groups/superusers").then(), 400, "ERR_IS_SUPERUSER_GROUP");

        // a second superuser can leave; the bootstrap admin, then alone, cannot
        String other = Iam.unique("root");
        Iam.createUser(admin, other, "secret-password");
        as(admin).put(API + "/groups/superusers/users/" + other).then().statusCode(204);
        as(Iam.token(other, "secret-password")).get(API + "/users").then().statusCode(200);
        as(admin).delete(API + "/groups/superusers/users/" + other).then().statusCode(204);
        as(admin).get(API + "/groups/superusers/users").then().body("array.user.uid", equalTo(java.util.List.of("admin")));
        iamError(as(admin).delete(API + "/groups/superusers/users/admin").then(), 400, "ERR_NO_MORE_SUPERUSERS");
        iamError(as(admin).delete(API + "/users/admin").then(), 400, "ERR_NO_MORE_SUPERUSERS");
    }

    @Test
    void theManagementApiNeedsAcsFullOrSuperuser() {
        String uid = Iam.unique("eve");
        Iam.createUser(admin, uid, "secret-password");
        String token = Iam.token(uid, "secret-password");
        ProblemJson.assertProblem(as(token).get(API + "/users").then(), 403, "ERR_FORBIDDEN", API + "/users");
        Iam.grant(admin, "dcos:adminrouter:acs", uid, "read");
        ProblemJson.assertProblem(as(token).get(API + "/users").then(), 403, "ERR_FORBIDDEN", API + "/users");
        Iam.grant(admin, "dcos:adminrouter:acs", uid, "full");
        as(token).get(API + "/users").then().statusCode(200);
    }

    @Test
    void ownPermissionsAreAlwaysReadable() {
        String uid = Iam.unique("frank");
        String gid = Iam.unique("logs");
        Iam.createUser(admin, uid, "secret-password");
        Iam.grant(admin, "dcos:adminrouter:ops:system-logs", uid, "full");
        as(admin).contentType("application/json").body(Map.of("description", "g")).put(API + "/groups/" + gid);
        as(admin).put(API + "/groups/" + gid + "/users/" + uid);
        Iam.grant(admin, "dcos:adminrouter:ops:mesos", uid, "read");
        as(admin).put(API + "/acls/dcos:adminrouter:ops:mesos/groups/" + gid + "/full").then().statusCode(204);
        String token = Iam.token(uid, "secret-password");

        as(token).get(API + "/users/" + uid + "/permissions").then().statusCode(200)
                .header("Cache-Control", containsString("max-age=5"))
                .body("direct.rid", hasItem("dcos:adminrouter:ops:system-logs"))
                .body("direct.find { it.rid == 'dcos:adminrouter:ops:system-logs' }.actions.name",
                        equalTo(java.util.List.of("full")))
                .body("groups[0].gid", equalTo(gid))
                .body("groups[0].rid", equalTo("dcos:adminrouter:ops:mesos"))
                .body("groups[0].membershipurl", equalTo(API + "/groups/" + gid + "/users/" + uid));
        ProblemJson.assertProblem(as(token).get(API + "/users/admin/permissions").then(), 403);
        as(admin).get(API + "/users/" + uid + "/permissions").then().statusCode(200);
    }

    @Test
    void policyQueryDecides() {
        String uid = Iam.unique("grace");
        String gid = Iam.unique("team");
        String rid = "dcos:adminrouter:ops:" + Iam.unique("logs");
        Iam.createUser(admin, uid, "secret-password");
        ValidatableResponse denied = query(admin, rid, uid, "full").statusCode(200).body("allowed", equalTo(false));
        Iam.grant(admin, rid, uid, "read");
        query(admin, rid, uid, "read").body("allowed", equalTo(true));
        query(admin, rid, uid, "full").body("allowed", equalTo(false));
        as(admin).contentType("application/json").body(Map.of("description", "g")).put(API + "/groups/" + gid);
        as(admin).put(API + "/groups/" + gid + "/users/" + uid);
        as(admin).put(API + "/acls/" + rid + "/groups/" + gid + "/full").then().statusCode(204);
        query(admin, rid, uid, "full").body("allowed", equalTo(true));
        query(admin, rid + ":sub", uid, "full").body("allowed", equalTo(false));
        query(admin, rid, Iam.unique("ghost"), "full").body("allowed", equalTo(false));
        query(admin, "dcos:adminrouter:anything", "admin", "delete").body("allowed", equalTo(true));
        iamError(query(admin, rid, uid, "write"), 400, "ERR_INVALID_DATA");
        iamError(as(admin).get(API + "/internal/policyquery?rid=x").then(), 400, "ERR_MISSING_QUERY_PARAMETERS");

        // the caller needs the policy-query permission
        String token = Iam.token(uid, "secret-password");
        ProblemJson.assertProblem(query(token, rid, uid, "full"), 403, "ERR_FORBIDDEN", API + "/internal/policyquery");
        Iam.grant(admin, "dcos:adminrouter:acs:policyquery", uid, "full");
        query(token, rid, uid, "full").statusCode(200);
        denied.statusCode(200);
    }

    private static ValidatableResponse query(String token, String rid, String uid, String action) {
        return as(token).queryParam("rid", rid).queryParam("uid", uid).queryParam("action", action)
                .get(API + "/internal/policyquery").then();
    }
}
