package org.clusterlogs.policy.api;

import java.util.List;
import java.util.Map;
import org.clusterlogs.common.problem.ProblemException;

/**
 * A policy the validator refused: a 400 problem with code {@code InvalidPolicy} whose
 * {@code errors} member lists every error found, so a deployer fixes them in one round.
 */
public class PolicyValidationException extends ProblemException {

    public static final String CODE = "InvalidPolicy";

    public PolicyValidationException(List<ValidationError> errors) {
        super(400, CODE, summary(errors), Map.of("errors", List.copyOf(errors)));
    }

    private static String summary(List<ValidationError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refused policy has at least one error");
        }
        return errors.size() == 1 ? errors.get(0).message()
                : "the policy has " + errors.size() + " errors; see errors";
    }
}
