package org.clusterlogs.policy.api;

import org.clusterlogs.common.problem.ProblemException;

import java.util.regex.Pattern;

/**
 * The names clients put in paths and bodies: policies (they end up in file names and flow
 * variables), environments and services. Anything else is a 400 before it reaches the store.
 */
public final class Names {

    private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    /** {@code quarkus.application.name}s of the suite: DNS labels. */
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Names() {
    }

    public static String policy(String name) {
        return checked(POLICY, name, "InvalidPolicyName", "a policy name is 1 to 255 of A-Z a-z 0-9 . _ - "
                + "and starts with a letter or digit");
    }

    public static String environment(String name) {
        return checked(ENVIRONMENT, name, "InvalidEnvironmentName", "an environment name is 1 to 63 of "
                + "A-Z a-z 0-9 . _ - and starts with a letter or digit");
    }

    public static String service(String name) {
        return checked(SERVICE, name, "InvalidServiceName", "a service name is a DNS label (a-z 0-9 -), "
                + "as in quarkus.application.name");
    }

    private static String checked(Pattern pattern, String name, String code, String rule) {
        if (name == null || !pattern.matcher(name).matches()) {
            throw new ProblemException(400, code, rule);
        }
        return name;
    }
}
