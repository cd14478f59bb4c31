package org.clusterlogs.policy.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.messagelogging.policy.PolicyParseResult;
import org.clusterlogs.messagelogging.policy.PolicyParser;
import org.clusterlogs.policy.admission.PolicyResourceReview;
import org.clusterlogs.policy.deployments.Deployment;
import org.clusterlogs.policy.deployments.DeploymentService;
import org.clusterlogs.policy.policies.PolicyService;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code MessageLoggingPolicy} resource means for the store: its document is the latest
 * revision of the policy its {@code name} attribute names, and that revision is deployed where
 * the spec says. Every step compares with what is stored before it writes, so applying the same
 * resource again (a resync, a restart, the other replica's watch) changes nothing.
 */
@ApplicationScoped
public class PolicyResourceSync {

    /** What the CRD's schema defaults {@code spec.environment} to (a resource read before defaulting has none). */
    static final String DEFAULT_ENVIRONMENT = "default";
    /** The width of {@code policy_revisions.created_by}. */
    private static final int CREATED_BY_MAX = 96;

    private final PolicyParser parser = new PolicyParser();
    private final PolicyResourceReview review;
    private final PolicyService policies;
    private final DeploymentService deployments;
    private final ObjectMapper json;

    public PolicyResourceSync(PolicyResourceReview review, PolicyService policies, DeploymentService deployments,
                              ObjectMapper json) {
        this.review = review;
        this.policies = policies;
        this.deployments = deployments;
        this.json = json;
    }

    /**
     * Stores and deploys what the resource says (when it is not already so) and answers its new
     * status. A spec the webhook would have refused (it was off, or the resource is older than
     * it) is not deployed: the status says why, and what was deployed for it stays.
     */
    public PolicyResourceStatus applied(PolicyCustomResource resource) {
        PolicyResourceStatus before = Objects.requireNonNullElse(resource.getStatus(), PolicyResourceStatus.none());
        Long generation = resource.getMetadata().getGeneration();
        PolicyResourceSpec spec = withDefaults(resource.getSpec());
        Optional<String> refusal = review.specRefusal(json.valueToTree(spec));
        if (refusal.isPresent()) {
            return before.refused(refusal.get(), generation);
        }
        String policy = policyName(spec.xml()).orElseThrow();
        try {
            int revision = policies.storeIfChanged(policy, spec.xml(), createdBy(resource.getMetadata()));
            Deployment deployment = deployments.deployIfChanged(spec.environment(), policy, revision, spec.services());
            if (before.policy() != null && before.environment() != null
                    && !(before.policy().equals(policy) && before.environment().equals(spec.environment()))) {
                deployments.undeployIfDeployed(before.environment(), before.policy());
            }
            return new PolicyResourceStatus(policy, revision, spec.environment(), deployment.deployedAt().toString(),
                    null, generation);
        } catch (ProblemException e) {
            return before.refused(e.getMessage(), generation);
        }
    }

    /**
     * Undeploys what was deployed for a deleted resource (its status says; a resource deleted
     * before its status was written: what its spec named). The revisions stay.
     */
    public void deleted(PolicyCustomResource resource) {
        PolicyResourceStatus status = resource.getStatus();
        if (status != null && status.policy() != null && status.environment() != null) {
            deployments.undeployIfDeployed(status.environment(), status.policy());
            return;
        }
        PolicyResourceSpec spec = withDefaults(resource.getSpec());
        policyName(spec.xml()).ifPresent(policy -> deployments.undeployIfDeployed(spec.environment(), policy));
    }

    private Optional<String> policyName(String xml) {
        return xml != null && parser.parse(null, xml) instanceof PolicyParseResult.Valid valid
                ? Optional.of(valid.policy().name()) : Optional.empty();
    }

    private static PolicyResourceSpec withDefaults(PolicyResourceSpec spec) {
        if (spec == null) {
            return new PolicyResourceSpec(null, DEFAULT_ENVIRONMENT, null);
        }
        return spec.environment() != null ? spec
                : new PolicyResourceSpec(spec.xml(), DEFAULT_ENVIRONMENT, spec.services());
    }

    /** Who stored a revision, as {@code GET /v1/policies/{name}/revisions/{n}} keeps it. */
    private static String createdBy(ObjectMeta metadata) {
        String who = "kubernetes:" + metadata.getNamespace() + "/" + metadata.getName();
        return who.length() <= CREATED_BY_MAX ? who : who.substring(0, CREATED_BY_MAX);
    }
}
