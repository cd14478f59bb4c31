package org.clusterlogs.messagelogging.service;

import org.clusterlogs.messagelogging.DeployedPolicy;
import org.clusterlogs.messagelogging.MessageLoggingRuntime;
import org.clusterlogs.messagelogging.file.FileScope;
import org.clusterlogs.messagelogging.policy.PolicyParseResult;
import org.clusterlogs.messagelogging.policy.PolicyParser;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policies this service runs now. {@link #apply} swaps in a new deployed set: unchanged
 * deployments keep running untouched, new and changed ones are deployed before the ones they
 * replace are undeployed (so a shared destination keeps its queue), removed ones are undeployed.
 * The filter reads {@link #policies()} on every response: one volatile read, no lock.
 */
public final class DeployedSet {

    private static final Logger LOG = Logger.getLogger(DeployedSet.class);

    private final MessageLoggingRuntime runtime;
    private final ServiceSettings settings;
    private final PolicyParser parser = new PolicyParser();
    /** Guarded by this; the running deployments by policy name. */
    private final Map<String, Running> running = new HashMap<>();
    private volatile List<DeployedPolicy> policies = List.of();
    private volatile long version = -1;

    public DeployedSet(MessageLoggingRuntime runtime, ServiceSettings settings) {
        this.runtime = runtime;
        this.settings = settings;
    }

    /** The deployed policies, in no particular order; never null. */
    public List<DeployedPolicy> policies() {
        return policies;
    }

    /** The version of the set running now; -1 before any. */
    public long version() {
        return version;
    }

    public synchronized void apply(DeploymentSet set) {
        Map<String, Running> next = new HashMap<>();
        for (DeploymentSet.Deployment d : set.forService(settings.service())) {
            Running current = running.get(d.name());
            if (current != null && current.sameAs(d)) {
                next.put(d.name(), current);
                continue;
            }
            PolicyParseResult parsed = parser.parse(d.name(), d.xml() == null ? "" : d.xml());
            if (parsed instanceof PolicyParseResult.Valid valid) {
                FileScope scope = new FileScope(settings.organization(), settings.environment(), settings.service(),
                        d.revision(), d.name());
                next.put(d.name(), new Running(d.revision(), d.xml(), runtime.deploy(valid.policy(), scope)));
                LOG.infof("message logging: deployed %s revision %d", d.name(), d.revision());
            } else if (current != null) {
                // policy-service validated it; a parser of another version here refusing it keeps the old revision
                LOG.errorf("message logging: revision %d of %s is refused here (%s); revision %d keeps running",
                        d.revision(), d.name(), parsed, current.revision());
                next.put(d.name(), current);
            } else {
                LOG.errorf("message logging: revision %d of %s is refused here: %s", d.revision(), d.name(), parsed);
            }
        }
        running.forEach((name, old) -> {
            if (next.get(name) != old) {
                old.policy().undeploy();
                LOG.infof("message logging: undeployed %s revision %d", name, old.revision());
            }
        });
        running.clear();
        running.putAll(next);
        policies = next.values().stream().map(Running::policy).toList();
        version = set.version();
    }

    /** Undeploys everything (the runtime closes the destinations at shutdown). */
    public synchronized void clear() {
        running.values().forEach(r -> r.policy().undeploy());
        running.clear();
        policies = List.of();
    }

    private record Running(int revision, String xml, DeployedPolicy policy) {
        boolean sameAs(DeploymentSet.Deployment d) {
            return revision == d.revision() && Objects.equals(xml, d.xml());
        }
    }
}
