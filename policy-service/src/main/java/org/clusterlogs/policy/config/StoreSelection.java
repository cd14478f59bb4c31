package org.clusterlogs.policy.config;

/**
 * {@code policy.store=h2|postgresql} makes exactly one of the two built-in datasources active.
 * Registered through {@code META-INF/services}.
 */
public class StoreSelection extends org.clusterlogs.store.StoreSelection {

    public StoreSelection() {
        super("policy.store");
    }
}
