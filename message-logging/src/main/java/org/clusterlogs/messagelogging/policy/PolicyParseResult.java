package org.clusterlogs.messagelogging.policy;

import java.util.List;

/** What {@link PolicyParser#parse} answers: a valid policy, or every error found in it. */
public sealed interface PolicyParseResult {

    /** The policy is valid. */
    record Valid(MessageLoggingPolicy policy) implements PolicyParseResult {
    }

    /** The policy is refused; {@code errors} is never empty and lists every error, element by element. */
    record Invalid(List<PolicyError> errors) implements PolicyParseResult {
        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a refused policy has at least one error");
            }
            errors = List.copyOf(errors);
        }
    }

    /** The errors: empty for a valid policy ({@link Invalid} answers its own). */
    default List<PolicyError> errors() {
        return List.of();
    }
}
