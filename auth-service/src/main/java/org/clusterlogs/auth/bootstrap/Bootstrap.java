package org.clusterlogs.auth.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.clusterlogs.auth.acl.Ace;
import org.clusterlogs.auth.acl.Acl;
import org.clusterlogs.auth.acl.AclRepository;
import org.clusterlogs.auth.acl.Action;
import org.clusterlogs.auth.acl.Rids;
import org.clusterlogs.auth.acl.Superusers;
import org.clusterlogs.auth.config.AuthConfig;
import org.clusterlogs.auth.identity.Group;
import org.clusterlogs.auth.identity.GroupRepository;
import org.clusterlogs.auth.identity.Passwords;
import org.clusterlogs.auth.identity.PublicKeys;
import org.clusterlogs.auth.identity.Uids;
import org.clusterlogs.auth.identity.User;
import org.clusterlogs.auth.identity.UserRepository;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What exists before anyone logs in, created at every start and only where missing (so a restart
 * changes nothing, and two replicas starting together both succeed: each insert that loses the
 * race is a no-op): the {@code superusers} group with {@code full} on {@code dcos:superuser}; the
 * first superuser from {@code auth.bootstrap.uid}/{@code password}; the suite's service accounts
 * from {@code auth.bootstrap.service-accounts} and {@code auth.bootstrap.service-account-keys-dir},
 * each with the grants of {@code auth.bootstrap.service-account-grants} (by default the policy
 * query, and reading the deployed MessageLogging policies).
 */
@ApplicationScoped
public class Bootstrap {

    static final String POLICY_QUERY_RID = "dcos:adminrouter:acs:policyquery";
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            POLICY_QUERY_RID, "Policy query: ask for permission decisions",
            "dcos:adminrouter:ops:policies", "MessageLogging policies");
    private static final String PEM = ".pem";
    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final AuthConfig config;
    private final UserRepository users;
    private final GroupRepository groups;
    private final AclRepository acls;
    private final Passwords passwords;

    public Bootstrap(AuthConfig config, UserRepository users, GroupRepository groups, AclRepository acls,
            Passwords passwords) {
        this.config = config;
        this.users = users;
        this.groups = groups;
        this.acls = acls;
        this.passwords = passwords;
    }

    void onStart(@Observes StartupEvent event) {
        run();
    }

    public void run() {
        List<Grant> grants = grants();
        groups.insert(new Group(Superusers.GROUP, "Superusers: every permission"));
        acls.insert(new Acl(Superusers.RID, "Superuser: every permission"));
        acls.grant(new Ace(Superusers.RID, Ace.Principal.GROUP, Superusers.GROUP, Action.FULL));
        firstSuperuser();
        for (Map.Entry<String, AuthConfig.ServiceAccount> account : config.bootstrap().serviceAccounts().entrySet()) {
            serviceAccount(account.getKey(), account.getValue().publicKey(), account.getValue().description(), grants);
        }
        for (Path pem : keyFiles()) {
            String file = pem.getFileName().toString();
            serviceAccount(file.substring(0, file.length() - PEM.length()), pem, "service account of the suite", grants);
        }
        if (groups.members(Superusers.GROUP, User.Kind.USER).isEmpty()
                && groups.members(Superusers.GROUP, User.Kind.SERVICE).isEmpty()) {
            LOG.warn("no superuser exists: set auth.bootstrap.uid and auth.bootstrap.password to create the first one");
        }
    }

    private void firstSuperuser() {
        if (config.bootstrap().uid().isEmpty()) {
            return;
        }
        String uid = Uids.requireUid(config.bootstrap().uid().get());
        String password = config.bootstrap().password().orElseThrow(() -> new IllegalStateException(
                "auth.bootstrap.uid is set: auth.bootstrap.password is required too"));
        if (users.find(uid).isEmpty()
                && users.insert(new User(uid, "bootstrap superuser", User.Kind.USER, passwords.hash(password), null))) {
            LOG.infof("bootstrap: created superuser %s", uid);
        }
        groups.addMember(Superusers.GROUP, uid);
    }

    /** The {@code <uid>.pem} files of {@code auth.bootstrap.service-account-keys-dir}, if set. */
    private List<Path> keyFiles() {
        if (config.bootstrap().serviceAccountKeysDir().isEmpty()) {
            return List.of();
        }
        Path dir = config.bootstrap().serviceAccountKeysDir().get();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(PEM) && !Files.isDirectory(f)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("auth.bootstrap.service-account-keys-dir: cannot list " + dir, e);
        }
    }

    /** {@code auth.bootstrap.service-account-grants}, checked before anything is written. */
    private List<Grant> grants() {
        return config.bootstrap().serviceAccountGrants().stream().map(String::trim).filter(g -> !g.isEmpty())
                .map(Bootstrap::grant).toList();
    }

    private static Grant grant(String entry) {
        String[] parts = entry.split("\\s+");
        Optional<Action> action = parts.length == 2 ? Action.of(parts[1]) : Optional.empty();
        if (action.isEmpty() || !Rids.valid(parts[0])) {
            throw new IllegalStateException("auth.bootstrap.service-account-grants: '" + entry
                    + "' is not '<rid> <action>' (action: create, read, update, delete or full)");
        }
        return new Grant(parts[0], action.get());
    }

    /** One entry of {@code auth.bootstrap.service-account-grants}. */
    private record Grant(String rid, Action action) {
    }

    private void serviceAccount(String uid, Path publicKey, String description, List<Grant> grants) {
        if (!Uids.valid(uid)) {
            throw new IllegalStateException("bootstrap service account: invalid uid '" + uid + "' (from " + publicKey + ")");
        }
        String pem;
        try {
            pem = Files.readString(publicKey, StandardCharsets.UTF_8).trim() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("bootstrap service account " + uid + ": cannot read " + publicKey, e);
        }
        PublicKeys.parse(pem);
        if (users.insert(new User(uid, description, User.Kind.SERVICE, null, pem))) {
            LOG.infof("bootstrap: registered service account %s", uid);
        } else if (users.find(uid).map(u -> !pem.equals(u.publicKeyPem())).orElse(false)
                && users.updatePublicKey(uid, pem)) {
            LOG.infof("bootstrap: service account %s has a new public key", uid);
        }
        for (Grant grant : grants) {
            acls.insert(new Acl(grant.rid(), DESCRIPTIONS.getOrDefault(grant.rid(), "granted to the suite's service accounts")));
            acls.grant(new Ace(grant.rid(), Ace.Principal.USER, uid, grant.action()));
        }
    }
}
