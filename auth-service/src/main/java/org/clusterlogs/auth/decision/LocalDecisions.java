package org.clusterlogs.auth.decision;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clusterlogs.auth.acl.AclRepository;
import org.clusterlogs.auth.acl.Action;
import org.clusterlogs.auth.config.AuthConfig;
import org.clusterlogs.auth.identity.Uids;
import org.clusterlogs.auth.identity.UserRepository;
import org.clusterlogs.store.Sql;
import org.clusterlogs.security.PermissionDecisions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decisions from this service's own store: what the policy query answers, what guards the
 * management API, and (replacing service-security's remote default) what the shared security
 * module asks inside auth-service. Two short queries per decision, remembered for
 * {@code auth.store-cache-ttl} (1 s) unless this process writes to the store meanwhile: a grant or
 * revocation made here bites at once, one made through another replica within that time.
 */
@ApplicationScoped
public class LocalDecisions implements PermissionDecisions {

    static final Duration MAX_TTL = Duration.ofSeconds(1);

    private final UserRepository users;
    private final AclRepository acls;
    private final Sql sql;
    private final LoadingCache<Question, Remembered> remembered;

    @Inject
    public LocalDecisions(UserRepository users, AclRepository acls, Sql sql, AuthConfig config) {
        this(users, acls, sql, config.storeCacheTtl());
    }

    /** @param ttl how long a decision is reused when nothing is written through {@code sql}; at most 1 s */
    public LocalDecisions(UserRepository users, AclRepository acls, Sql sql, Duration ttl) {
        this.users = users;
        this.acls = acls;
        this.sql = sql;
        Duration kept = ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
        // read again in the background once half the time is gone, so a decision asked all the
        // time never expires under its callers (all of them going to the store at once)
        this.remembered = Caffeine.newBuilder()
                .expireAfterWrite(kept)
                .refreshAfterWrite(kept.dividedBy(2))
                .executor(Infrastructure.getDefaultWorkerPool())
                .maximumSize(10_000)
                .build(this::read);
    }

    /** Decides on the calling thread (it may read the database: not on an event loop). */
    public Decision decide(String uid, String rid, String action) {
        Question question = new Question(uid, rid, action);
        Decision known = current(question);
        if (known != null) {
            return known;
        }
        Remembered read = read(question);
        remembered.put(question, read);
        return read.decision();
    }

    @Override
    public Optional<Boolean> known(String uid, String rid, String action) {
        Decision known = current(new Question(uid, rid, action));
        return known == null ? Optional.empty() : Optional.of(known.allowed());
    }

    private Decision current(Question question) {
        Remembered r = remembered.getIfPresent(question);
        return r != null && r.writes() == sql.committedWrites() ? r.decision() : null;
    }

    private Remembered read(Question q) {
        long writes = sql.committedWrites(); // before reading: a write committed meanwhile voids the answer
        return new Remembered(fromStore(q.uid(), q.rid(), q.action()), writes);
    }

    private Decision fromStore(String uid, String rid, String action) {
        Optional<Action> asked = Action.of(action);
        if (asked.isEmpty()) {
            return new Decision(false, "unknown action");
        }
        if (!Uids.valid(uid)) {
            return new Decision(false, "invalid uid");
        }
        boolean exists = users.find(uid).isPresent();
        return DecisionRule.decide(exists, exists ? acls.grantsBearingOn(uid, rid) : List.of(), rid,
                asked.get());
    }

    /**
     * The decision, at once when it is remembered (no hop off the event loop), else read from the
     * store on a worker thread.
     */
    public Uni<Decision> decision(String uid, String rid, String action) {
        Decision known = current(new Question(uid, rid, action));
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Uni.createFrom().item(() -> decide(uid, rid, action))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Uni<Boolean> allowed(String uid, String rid, String action) {
        return decision(uid, rid, action).map(Decision::allowed);
    }

    private record Question(String uid, String rid, String action) {
    }

    /** A decision and the store's write count when it was read. */
    private record Remembered(Decision decision, long writes) {
    }
}
