package org.clusterlogs.policy.policies;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.policy.api.Names;
import org.clusterlogs.policy.deployments.DeploymentRepository;

import java.util.List;

/** Storing, reading and removing policies: validated on the way in, never removed while deployed. */
@ApplicationScoped
public class PolicyService {

    private final PolicyRepository policies;
    private final DeploymentRepository deployments;
    private final PolicyValidator validator;

    public PolicyService(PolicyRepository policies, DeploymentRepository deployments, PolicyValidator validator) {
        this.policies = policies;
        this.deployments = deployments;
        this.validator = validator;
    }

    /** Validates {@code xml} and stores it as the next revision of {@code name}; answers the revision. */
    public int store(String name, String xml, String uid) {
        Names.policy(name);
        validator.requireValid(name, xml);
        return policies.addRevision(name, xml, uid);
    }

    /**
     * Validates {@code xml} and stores it as the next revision of {@code name} only when it differs
     * from the latest: what a watch replaying the same resource (a resync, a restart, a second
     * replica) calls, so that replaying creates no revision. Answers the latest revision.
     */
    public int storeIfChanged(String name, String xml, String uid) {
        Names.policy(name);
        validator.requireValid(name, xml);
        return policies.addRevisionIfChanged(name, xml, uid);
    }

    public PolicyRevision latest(String name) {
        return policies.latest(Names.policy(name)).orElseThrow(() -> notFound(name));
    }

    public PolicyRevision revision(String name, int revision) {
        return policies.revision(Names.policy(name), revision).orElseThrow(() -> new ProblemException(404,
                "RevisionNotFound", "policy " + name + " has no revision " + revision));
    }

    public List<Integer> revisions(String name) {
        List<Integer> revisions = policies.revisions(Names.policy(name));
        if (revisions.isEmpty()) {
            throw notFound(name);
        }
        return revisions;
    }

    public List<PolicyRepository.PolicySummary> list() {
        return policies.list();
    }

    /** Removes the policy and its revisions; a deployed policy is undeployed first, by the caller. */
    public void delete(String name) {
        Names.policy(name);
        if (deployments.deployedAnywhere(name)) {
            throw new ProblemException(409, "PolicyDeployed", "policy " + name
                    + " is deployed; undeploy it from every environment first");
        }
        if (!policies.delete(name)) {
            throw notFound(name);
        }
    }

    private static ProblemException notFound(String name) {
        return new ProblemException(404, "PolicyNotFound", "there is no policy " + name);
    }
}
