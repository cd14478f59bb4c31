package org.clusterlogs.security;

import java.util.regex.Pattern;

/**
 * The suite's one rule for user and group ids, as the DC/OS IAM has it: 1 to 96 letters,
 * digits, {@code - _ @ .}; {@code anonymous} is reserved. auth-service applies it wherever an id
 * arrives, every service to the {@code uid} of a token.
 */
public final class Uids {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_@.\\-]{1,96}");
    private static final String RESERVED = "anonymous";

    private Uids() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches() && !id.equals(RESERVED);
    }
}
