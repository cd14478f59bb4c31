package org.clusterlogs.client;

import java.time.Duration;

/**
 * The generated clients of the four contracts, each pointed at the cluster's one entry point
 * (discovery-service, which forwards {@code /acs/api/v1/**} to auth-service and
 * {@code /v1/policies/**}, {@code /v1/environments/**} to policy-service) and carrying a token
 * the DC/OS way, {@code Authorization: token=<jwt>}. The generated {@code ApiKeyAuth} would put a
 * prefix before the key with a space ({@code token <jwt>}), so the key is the whole header value.
 * Redirects are followed by OkHttp, the generated client's HTTP library, as it comes: the task
 * routes' 303 is relative, so the token goes along.
 */
final class ClusterClients {

    /** Longer than the 15 s between the pings of an idle SSE stream. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String url;

    ClusterClients(String url) {
        this.url = url;
    }

    /** auth-service's API, without a token: for logging in. */
    org.clusterlogs.client.auth.ApiClient anonymousAuth() {
        return new org.clusterlogs.client.auth.ApiClient().setBasePath(url);
    }

    org.clusterlogs.client.auth.ApiClient auth(String token) {
        org.clusterlogs.client.auth.ApiClient client = anonymousAuth();
        ((org.clusterlogs.client.auth.auth.ApiKeyAuth) client.getAuthentication("acsjwt")).setApiKey("token=" + token);
        return client;
    }

    org.clusterlogs.client.discovery.ApiClient discovery(String token) {
        org.clusterlogs.client.discovery.ApiClient client = new org.clusterlogs.client.discovery.ApiClient()
                .setBasePath(url).setReadTimeout((int) READ_TIMEOUT.toMillis());
        ((org.clusterlogs.client.discovery.auth.ApiKeyAuth) client.getAuthentication("dcosToken"))
                .setApiKey("token=" + token);
        return client;
    }

    org.clusterlogs.client.policy.ApiClient policy(String token) {
        org.clusterlogs.client.policy.ApiClient client = new org.clusterlogs.client.policy.ApiClient().setBasePath(url);
        ((org.clusterlogs.client.policy.auth.ApiKeyAuth) client.getAuthentication("acsjwt"))
                .setApiKey("token=" + token);
        return client;
    }
}
