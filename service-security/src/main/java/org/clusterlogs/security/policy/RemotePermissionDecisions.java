package org.clusterlogs.security.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.security.AuthUnavailableException;
import org.clusterlogs.security.PermissionDecisions;
import org.clusterlogs.security.account.ServiceAccountToken;
import org.clusterlogs.security.client.Acs;
import org.clusterlogs.security.config.AuthConfig;
import org.clusterlogs.security.http.AuthMetrics;

import java.time.Duration;
import java.util.Optional;

/**
 * Decisions from auth-service's policy query, asked with this service's own token and kept for
 * at most {@code auth.decisions.cache-ttl} (4 s at the most): a grant or a revocation bites
 * within that time, plus at most 1 s when it was made through another auth-service replica. Failures are not kept, so a recovered auth-service is asked at once.
 * auth-service itself replaces this bean with its local decision.
 */
@DefaultBean
@ApplicationScoped
public class RemotePermissionDecisions implements PermissionDecisions {

    static final Duration MAX_TTL = Duration.ofSeconds(4);

    private final Acs acs;
    private final ServiceAccountToken account;
    private final AuthMetrics metrics;
    private final Cache<Question, Boolean> answers;

    public RemotePermissionDecisions(Acs acs, ServiceAccountToken account, AuthMetrics metrics, AuthConfig config) {
        this.acs = acs;
        this.account = account;
        this.metrics = metrics;
        Duration ttl = config.decisions().cacheTtl();
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl)
                .maximumSize(10_000)
                .build();
    }

    @Override
    public Uni<Boolean> allowed(String uid, String rid, String action) {
        Question question = new Question(uid, rid, action);
        Boolean known = answers.getIfPresent(question);
        metrics.decisionCache(known != null);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return account.authorization()
                .chain(authorization -> acs.allowed(uid, rid, action, authorization))
                .onFailure(AuthUnavailableException.class).invoke(e -> {
                    if (Acs.REFUSED_OUR_TOKEN.equals(e.getMessage())) {
                        account.forget();
                    }
                })
                .invoke(allowed -> answers.put(question, allowed));
    }

    @Override
    public Optional<Boolean> known(String uid, String rid, String action) {
        Boolean known = answers.getIfPresent(new Question(uid, rid, action));
        if (known != null) {
            metrics.decisionCache(true); // a miss is counted by allowed(), which is asked next
        }
        return Optional.ofNullable(known);
    }

    private record Question(String uid, String rid, String action) {
    }
}
