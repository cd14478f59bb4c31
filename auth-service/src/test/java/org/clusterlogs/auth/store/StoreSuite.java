package org.clusterlogs.auth.store;

import org.clusterlogs.auth.acl.Ace;
import org.clusterlogs.auth.acl.Acl;
import org.clusterlogs.auth.acl.AclRepository;
import org.clusterlogs.auth.acl.Action;
import org.clusterlogs.auth.acl.Superusers;
import org.clusterlogs.auth.decision.LocalDecisions;
import org.clusterlogs.auth.identity.Group;
import org.clusterlogs.auth.identity.GroupRepository;
import org.clusterlogs.auth.identity.User;
import org.clusterlogs.auth.identity.UserRepository;
import org.clusterlogs.auth.login.UsedLoginTokens;
import org.clusterlogs.auth.token.SigningKeyRepository;
import org.clusterlogs.auth.token.StoredKey;
import org.clusterlogs.store.Sql;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repositories against a real database, migrated by the service's own Flyway scripts: the same
 * suite runs on H2 ({@link H2StoreTest}) and on PostgreSQL ({@link PostgresStoreTest}), so the one
 * schema and every statement are proven on both.
 */
abstract class StoreSuite {

    private UserRepository users;
    private GroupRepository groups;
    private AclRepository acls;
    private SigningKeyRepository keys;
    private UsedLoginTokens loginTokens;
    private String suffix;

    /** A migrated database shared by the class's tests; each test uses fresh names. */
    protected abstract DataSource dataSource();

    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @BeforeEach
    void repositories() {
        Sql sql = new Sql(dataSource());
        users = new UserRepository(sql);
        groups = new GroupRepository(sql);
        acls = new AclRepository(sql);
        keys = new SigningKeyRepository(sql);
        loginTokens = new UsedLoginTokens(sql);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    private String name(String base) {
        return base + "-" + suffix;
    }

    private User person(String uid) {
        return new User(uid, "person " + uid, User.Kind.USER, "$2a$04$hash", null);
    }

    /**
     * Two replicas on one store, each with its own remembered decisions: a change bites at once
     * through the replica that made it, and within the remembering time through the other.
     */
    @Test
    void decisionsFollowWritesAtOnceHereAndWithinASecondFromAnotherReplica() throws InterruptedException {
        Duration ttl = Duration.ofMillis(500);
        Sql hereSql = new Sql(dataSource());
        Sql thereSql = new Sql(dataSource());
        LocalDecisions here = new LocalDecisions(new UserRepository(hereSql), new AclRepository(hereSql), hereSql, ttl);
        LocalDecisions there = new LocalDecisions(new UserRepository(thereSql), new AclRepository(thereSql), thereSql,
                ttl);
        AclRepository hereAcls = new AclRepository(hereSql);
        String uid = name("dora");
        String rid = "dcos:adminrouter:ops:" + name("logs");
        assertTrue(new UserRepository(hereSql).insert(person(uid)));
        assertTrue(hereAcls.insert(new Acl(rid, "logs")));
        assertFalse(here.decide(uid, rid, "full").allowed());
        assertFalse(there.decide(uid, rid, "full").allowed());
        assertTrue(there.known(uid, rid, "full").isPresent(), "remembered");

        assertTrue(hereAcls.grant(new Ace(rid, Ace.Principal.USER, uid, Action.FULL)));
        assertTrue(here.decide(uid, rid, "full").allowed(), "the replica that wrote knows at once");
        assertTrue(here.known(uid, rid, "full").orElseThrow());
        long granted = System.nanoTime();
        while (!there.decide(uid, rid, "full").allowed()) {
            assertTrue(System.nanoTime() - granted < ttl.plusMillis(500).toNanos(), "the other replica follows");
            Thread.sleep(20);
        }

        assertTrue(new AclRepository(thereSql).revoke(new Ace(rid, Ace.Principal.USER, uid, Action.FULL)));
        assertFalse(there.decide(uid, rid, "full").allowed(), "a revocation bites at once where it was made");
        long revoked = System.nanoTime();
        while (here.decide(uid, rid, "full").allowed()) {
            assertTrue(System.nanoTime() - revoked < ttl.plusMillis(500).toNanos(), "and soon everywhere");
            Thread.sleep(20);
        }
    }

    @Test
    void usersAreCreatedOnceReadUpdatedAndDeleted() {
        String uid = name("alice");
        assertTrue(users.insert(person(uid)));
        assertFalse(users.insert(person(uid)), "a taken uid");
        assertEquals("person " + uid, users.find(uid).orElseThrow().description());

        assertTrue(users.update(uid, "renamed", null));
        User read = users.find(uid).orElseThrow();
        assertEquals("renamed", read.description());
        assertEquals("$2a$04$hash", read.passwordHash(), "null leaves the hash");
        assertTrue(users.update(uid, null, "$2a$04$other"));
        assertEquals("$2a$04$other", users.find(uid).orElseThrow().passwordHash());
        assertFalse(users.update(name("nobody"), "x", null));

        assertEquals(UserRepository.Removal.DONE, users.delete(uid));
        assertTrue(users.find(uid).isEmpty());
        assertEquals(UserRepository.Removal.NOT_FOUND, users.delete(uid));
    }

    @Test
    void serviceAccountsAreListedApartWithTheirKeys() {
        String svc = name("svc");
        assertTrue(users.insert(new User(svc, "a service", User.Kind.SERVICE, null, "PEM-1")));
        users.insert(person(name("bob")));
        assertTrue(users.list(User.Kind.SERVICE).stream().anyMatch(u -> u.uid().equals(svc)));
        assertTrue(users.list(User.Kind.USER).stream().noneMatch(u -> u.uid().equals(svc)));
        assertTrue(users.updatePublicKey(svc, "PEM-2"));
        assertEquals("PEM-2", users.find(svc).orElseThrow().publicKeyPem());
        assertTrue(users.find(svc).orElseThrow().isService());
    }

    @Test
    void membershipsFollowUsersAndGroups() {
        String gid = name("ops");
        String uid = name("carol");
        users.insert(person(uid));
        assertTrue(groups.insert(new Group(gid, "operators")));
        assertFalse(groups.insert(new Group(gid, "again")));
        assertTrue(groups.addMember(gid, uid));
        assertFalse(groups.addMember(gid, uid), "already a member");
        assertEquals(List.of(uid), groups.members(gid, User.Kind.USER).stream().map(User::uid).toList());
        assertEquals(List.of(gid), groups.groupsOf(uid).stream().map(Group::gid).toList());

        assertEquals(UserRepository.Removal.DONE, groups.removeMember(gid, uid));
        assertEquals(UserRepository.Removal.NOT_FOUND, groups.removeMember(gid, uid));
        groups.addMember(gid, uid);
        assertEquals(UserRepository.Removal.DONE, users.delete(uid));
        assertTrue(groups.members(gid, User.Kind.USER).isEmpty(), "the membership went with the user");
        assertTrue(groups.updateDescription(gid, "new"));
        assertTrue(groups.delete(gid));
        assertFalse(groups.delete(gid));
    }

    @Test
    void theLastSuperuserStays() {
        // the only test of the class that touches superusers: the group starts empty
        groups.insert(new Group(Superusers.GROUP, "superusers"));
        String first = name("root1");
        String second = name("root2");
        users.insert(person(first));
        users.insert(person(second));
        groups.addMember(Superusers.GROUP, first);
        groups.addMember(Superusers.GROUP, second);

        assertEquals(UserRepository.Removal.DONE, groups.removeMember(Superusers.GROUP, first));
        assertEquals(UserRepository.Removal.LAST_SUPERUSER, groups.removeMember(Superusers.GROUP, second));
        assertEquals(UserRepository.Removal.LAST_SUPERUSER, users.delete(second));
        groups.addMember(Superusers.GROUP, first);
        assertEquals(UserRepository.Removal.DONE, users.delete(second), "first is still a member");
        assertEquals(UserRepository.Removal.LAST_SUPERUSER, users.delete(first));
    }

    @Test
    void grantsBearingOnADecisionComeDirectlyAndThroughGroups() {
        String uid = name("dave");
        String gid = name("readers");
        String rid = "dcos:adminrouter:ops:system-logs:" + suffix;
        String other = "dcos:other:" + suffix;
        users.insert(person(uid));
        groups.insert(new Group(gid, "readers"));
        groups.addMember(gid, uid);
        assertTrue(acls.insert(new Acl(rid, "logs")));
        assertFalse(acls.insert(new Acl(rid, "again")));
        acls.insert(new Acl(other, "other"));

        assertTrue(acls.grant(new Ace(rid, Ace.Principal.USER, uid, Action.READ)));
        assertFalse(acls.grant(new Ace(rid, Ace.Principal.USER, uid, Action.READ)));
        acls.grant(new Ace(rid, Ace.Principal.GROUP, gid, Action.FULL));
        acls.grant(new Ace(other, Ace.Principal.USER, uid, Action.FULL));

        Set<String> bearing = acls.grantsBearingOn(uid, rid).stream()
                .map(a -> a.principal() + ":" + a.action()).collect(Collectors.toSet());
        assertEquals(Set.of("USER:READ", "GROUP:FULL"), bearing, "grants on other rids do not bear");
        assertEquals(2, acls.aces(rid).size());
        assertEquals(2, acls.acesOf(Ace.Principal.USER, uid).size());

        assertTrue(acls.revoke(new Ace(rid, Ace.Principal.USER, uid, Action.READ)));
        assertFalse(acls.revoke(new Ace(rid, Ace.Principal.USER, uid, Action.READ)));
        assertEquals(1, acls.revokeAll(rid, Ace.Principal.GROUP, gid));
        acls.grant(new Ace(rid, Ace.Principal.GROUP, gid, Action.FULL));
        assertTrue(groups.delete(gid));
        assertTrue(acls.aces(rid).isEmpty(), "a deleted group's grants went with it");
        acls.grant(new Ace(rid, Ace.Principal.USER, uid, Action.UPDATE));
        assertTrue(acls.delete(rid));
        assertTrue(acls.acesOf(Ace.Principal.USER, uid).stream().noneMatch(a -> a.rid().equals(rid)),
                "a deleted ACL's grants went with it");
        users.delete(uid);
        assertTrue(acls.acesOf(Ace.Principal.USER, uid).isEmpty(), "a deleted user's grants went with it");
    }

    @Test
    void twoReplicasCreatingTheSameNextKeyAgreeOnOne() {
        long activates = System.nanoTime();
        StoredKey mine = new StoredKey(name("kid-a"), "enc", "pem", 1, activates, activates + 10);
        StoredKey theirs = new StoredKey(name("kid-b"), "enc", "pem", 2, activates, activates + 10);
        assertTrue(keys.insert(mine));
        assertFalse(keys.insert(theirs), "the same activation time is one key");
        assertTrue(keys.all().stream().anyMatch(k -> k.kid().equals(mine.kid()) && k.retiresAt() == activates + 10));
        assertEquals(1, keys.delete(mine.kid()));
    }

    @Test
    void aLoginTokenIsUsedOnceUntilItExpires() {
        String uid = name("svc");
        assertTrue(loginTokens.markUsed(uid, "jti-1", 1_000));
        assertFalse(loginTokens.markUsed(uid, "jti-1", 1_000), "replayed");
        assertTrue(loginTokens.markUsed(name("other"), "jti-1", 1_000), "jti is per uid");
        assertTrue(loginTokens.forgetExpired(1_001) >= 2);
        assertTrue(loginTokens.markUsed(uid, "jti-1", 5_000));
    }
}
