package org.clusterlogs.cli.config;

import org.clusterlogs.cli.http.ApiFailure;

import java.util.Map;

/**
 * The cluster's base URL and the token a command uses. The environment ({@code CLUSTERLOGS_URL},
 * {@code CLUSTERLOGS_TOKEN}) wins over the config file, field by field, so a script can point one
 * command at another cluster or user without touching the stored login.
 */
public record Settings(String url, String token) {

    public static final String URL_VARIABLE = "CLUSTERLOGS_URL";
    public static final String TOKEN_VARIABLE = "CLUSTERLOGS_TOKEN";

    public static Settings resolve(Map<String, String> env, StoredConfig stored) {
        return new Settings(firstSet(env.get(URL_VARIABLE), stored.url()), firstSet(env.get(TOKEN_VARIABLE), stored.token()));
    }

    /** The base URL without a trailing slash; a failure that says how to set one when there is none. */
    public String requireUrl() {
        if (url == null) {
            throw new ApiFailure("no cluster URL: run clusterlogs login --url URL, or set " + URL_VARIABLE);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The token; the login hint when there is none (as for a 401). */
    public String requireToken() {
        if (token == null) {
            throw ApiFailure.notLoggedIn();
        }
        return token;
    }

    private static String firstSet(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
