package org.clusterlogs.policy.deployments;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.policy.api.Names;
import org.clusterlogs.policy.config.PolicyConfig;
import org.clusterlogs.policy.policies.PolicyRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Deploying and undeploying policy revisions per environment, and the deployed set the services
 * follow (with its version, and a wait for the next change).
 */
@ApplicationScoped
public class DeploymentService {

    private final DeploymentRepository deployments;
    private final PolicyRepository policies;
    private final DeploymentWatch watch;
    private final Duration longPollMax;

    public DeploymentService(DeploymentRepository deployments, PolicyRepository policies, DeploymentWatch watch,
                             PolicyConfig config) {
        this.deployments = deployments;
        this.policies = policies;
        this.watch = watch;
        this.longPollMax = config.longPollMax();
    }

    /**
     * @param services the services it applies to; null: every service
     * @return the deployment as stored
     */
    public Deployment deploy(String environment, String name, int revision, List<String> services) {
        Names.environment(environment);
        Names.policy(name);
        List<String> chosen = services == null ? null : services(services);
        String xml = policies.revision(name, revision).orElseThrow(() -> new ProblemException(400, "UnknownRevision",
                "policy " + name + " has no revision " + revision)).xml();
        Instant deployedAt = Instant.ofEpochMilli(System.currentTimeMillis()); // as stored: milliseconds
        long version = deployments.deploy(environment, name, revision, chosen, deployedAt);
        watch.changed(environment, version);
        return new Deployment(name, revision, chosen, deployedAt, xml);
    }

    /**
     * {@link #deploy}, unless that revision is already deployed to {@code environment} for the same
     * services: then the deployment as it is, and the environment's version does not move (the
     * services following it are not woken for nothing).
     */
    public Deployment deployIfChanged(String environment, String name, int revision, List<String> services) {
        List<String> chosen = services == null ? null : services(services);
        Optional<Deployment> current = deployedSet(environment).deployments().stream()
                .filter(d -> d.name().equals(name)).findFirst();
        if (current.isPresent() && current.get().revision() == revision
                && Objects.equals(current.get().services(), chosen)) {
            return current.get();
        }
        return deploy(environment, name, revision, chosen);
    }

    /** Undeploys {@code name} from {@code environment}; false when it was not deployed there. */
    public boolean undeployIfDeployed(String environment, String name) {
        try {
            undeploy(environment, name);
            return true;
        } catch (ProblemException e) {
            if ("NotDeployed".equals(e.code())) {
                return false;
            }
            throw e;
        }
    }

    public void undeploy(String environment, String name) {
        Names.environment(environment);
        Names.policy(name);
        long version = deployments.undeploy(environment, name);
        if (version < 0) {
            throw new ProblemException(404, "NotDeployed", "policy " + name + " is not deployed to " + environment);
        }
        watch.changed(environment, version);
    }

    public DeployedSet deployedSet(String environment) {
        return deployments.deployedSet(Names.environment(environment));
    }

    /**
     * The deployed set once its version differs from {@code known} (at once when it already does),
     * or empty when nothing changed within {@code wait} (at most {@code policy.long-poll-max}).
     */
    public Uni<Optional<DeployedSet>> deployedSetAfter(String environment, long known, Duration wait) {
        Names.environment(environment);
        Duration max = wait.compareTo(longPollMax) > 0 ? longPollMax : wait;
        return Uni.createFrom().item(() -> deployments.version(environment))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(now -> now != known ? Uni.createFrom().item(now) : watch.awaitChange(environment, known, max))
                .chain(version -> version == known ? Uni.createFrom().item(Optional.<DeployedSet>empty())
                        : Uni.createFrom().item(() -> Optional.of(deployments.deployedSet(environment)))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private static List<String> services(List<String> services) {
        if (services.isEmpty()) {
            throw new ProblemException(400, "NoServices", "services lists at least one service; leave it out to "
                    + "deploy to every service");
        }
        TreeSet<String> names = new TreeSet<>();
        services.forEach(s -> names.add(Names.service(s)));
        return List.copyOf(names);
    }
}
