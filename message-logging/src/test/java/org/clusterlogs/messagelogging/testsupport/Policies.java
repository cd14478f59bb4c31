package org.clusterlogs.messagelogging.testsupport;

import org.clusterlogs.messagelogging.policy.MessageLoggingPolicy;
import org.clusterlogs.messagelogging.policy.PolicyParseResult;
import org.clusterlogs.messagelogging.policy.PolicyParser;

/** Policies for tests, through the real parser. */
public final class Policies {

    private Policies() {
    }

    /** The policy of that XML, failing the test with the parser's errors when it is refused. */
    public static MessageLoggingPolicy parse(String name, String xml) {
        PolicyParseResult result = new PolicyParser().parse(name, xml);
        if (result instanceof PolicyParseResult.Valid valid) {
            return valid.policy();
        }
        throw new AssertionError("policy refused: " + result.errors());
    }
}
