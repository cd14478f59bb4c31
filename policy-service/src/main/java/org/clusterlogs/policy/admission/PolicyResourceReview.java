package org.clusterlogs.policy.admission;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.messagelogging.policy.PolicyError;
import org.clusterlogs.messagelogging.policy.PolicyParseResult;
import org.clusterlogs.messagelogging.policy.PolicyParser;
import org.clusterlogs.policy.api.Names;
import org.clusterlogs.policy.kubernetes.WatchedNamespace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What is wrong with a {@code MessageLoggingPolicy} resource under review: its {@code spec.xml}
 * through the same parser as {@code PUT /v1/policies} (the policy's name is the document's
 * {@code name} attribute: Kubernetes names cannot hold Apigee's mixed case), its
 * {@code spec.environment} and {@code spec.services} by the API's name rules, and its namespace:
 * while the watch is on, a resource outside the watched namespace is refused, since it would be
 * stored and never deployed. Deletions are always allowed.
 */
@ApplicationScoped
public class PolicyResourceReview {

    private final PolicyParser parser = new PolicyParser();
    private final WatchedNamespace watched;

    public PolicyResourceReview(WatchedNamespace watched) {
        this.watched = watched;
    }

    /** The refusal message (every error, one per line), or empty when the resource may be stored. */
    public Optional<String> refusal(JsonNode request) {
        if ("DELETE".equals(request.path("operation").asText())) {
            return Optional.empty();
        }
        String namespace = request.path("namespace").asText("");
        Optional<String> elsewhere = watched.get().filter(w -> !w.equals(namespace)).map(w -> "MessageLoggingPolicy "
                + "resources are deployed from namespace " + w + " only; this one, in namespace '" + namespace
                + "', would never be deployed");
        Optional<String> spec = specRefusal(request.path("object").path("spec"));
        if (elsewhere.isPresent() && spec.isPresent()) {
            return Optional.of(elsewhere.get() + "\n" + spec.get());
        }
        return elsewhere.or(() -> spec);
    }

    /**
     * The refusal message for a resource's {@code spec} (every error, one per line), or empty when
     * it is a valid policy, environment and service list: what the watch checks again before it
     * deploys a resource that reached the cluster without this webhook.
     */
    public Optional<String> specRefusal(JsonNode spec) {
        List<String> errors = new ArrayList<>();
        if (!spec.path("xml").isTextual()) {
            errors.add("spec.xml must hold the <MessageLogging> policy document");
        } else {
            PolicyParseResult result = parser.parse(null, spec.get("xml").asText());
            result.errors().stream().map(PolicyError::message).forEach(errors::add);
        }
        requireName(errors, "spec.environment", spec.path("environment"), Names::environment);
        JsonNode services = spec.path("services");
        if (!services.isMissingNode() && !services.isNull()) {
            if (!services.isArray() || services.isEmpty()) {
                errors.add("spec.services is a non-empty list of service names; leave it out for every service");
            } else {
                services.forEach(s -> requireName(errors, "spec.services[]", s, Names::service));
            }
        }
        return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", errors));
    }

    private static void requireName(List<String> errors, String field, JsonNode value, UnaryOperator<String> rule) {
        if (!value.isTextual()) {
            errors.add(field + " is required");
            return;
        }
        try {
            rule.apply(value.asText());
        } catch (ProblemException e) {
            errors.add(field + ": " + e.getMessage());
        }
    }
}
