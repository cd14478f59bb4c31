package org.clusterlogs.policy.policies;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.messagelogging.policy.PolicyParseResult;
import org.clusterlogs.messagelogging.policy.PolicyParser;
import org.clusterlogs.policy.api.PolicyValidationException;
import org.clusterlogs.policy.api.ValidationError;

/**
 * The one validator of the suite (message-logging's {@link PolicyParser}, the same one every
 * service uses to load what is deployed), with its errors as this API reports them.
 */
@ApplicationScoped
public class PolicyValidator {

    private final PolicyParser parser = new PolicyParser();

    /** @throws PolicyValidationException with every error of the policy, when it has any */
    public void requireValid(String name, String xml) {
        PolicyParseResult result = parser.parse(name, xml);
        if (result instanceof PolicyParseResult.Invalid invalid) {
            throw new PolicyValidationException(invalid.errors().stream()
                    .map(e -> new ValidationError(e.code(), e.message(), e.policy())).toList());
        }
    }
}
