package org.clusterlogs.messagelogging.service;

import java.util.Optional;

/** The {@code Authorization} value of this service's calls to policy-service. */
public interface Credentials {

    /** The header value, or empty to call without one (no service account configured). */
    Optional<String> authorization() throws Exception;

    /** policy-service refused the last value: get a fresh one next time. */
    void refused();

    Credentials NONE = new Credentials() {
        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }

        @Override
        public void refused() {
        }
    };
}
