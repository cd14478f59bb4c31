package org.clusterlogs.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Request bodies of the management API. */
public final class Bodies {

    private Bodies() {
    }

    /** {@code PUT /users/{uid}}: a password makes a user, a public key a service account. */
    public record NewUser(String description, String password, @JsonProperty("public_key") String publicKey) {
    }

    /** {@code PATCH /users/{uid}}. */
    public record UserChange(String description, String password) {
    }

    /** Groups and ACLs: {@code PUT} and {@code PATCH}. */
    public record Description(String description) {
    }

    static String description(Description body) {
        return body == null ? null : body.description();
    }
}
