package org.clusterlogs.messagelogging.service;

import org.clusterlogs.security.account.ServiceAccountToken;

import java.time.Duration;
import java.util.Optional;

/**
 * This service's own token ({@code Authorization: token=...}) from its service account; the poll
 * runs on the follower's thread, so waiting for a login here blocks nobody.
 */
final class ServiceAccountCredentials implements Credentials {

    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);

    private final ServiceAccountToken token;

    ServiceAccountCredentials(ServiceAccountToken token) {
        this.token = token;
    }

    @Override
    public Optional<String> authorization() {
        return Optional.of(token.authorization().await().atMost(LOGIN_TIMEOUT));
    }

    @Override
    public void refused() {
        token.forget();
    }
}
