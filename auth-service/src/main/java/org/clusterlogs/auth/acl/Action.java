package org.clusterlogs.auth.acl;

import java.util.Locale;
import java.util.Optional;

/** The five actions of an ACE; {@code full} covers the other four. */
public enum Action {
    CREATE, READ, UPDATE, DELETE, FULL;

    /** The action's name as the API writes it ({@code full}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action named exactly so (lower case), or empty. */
    public static Optional<Action> of(String name) {
        for (Action a : values()) {
            if (a.wire().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
