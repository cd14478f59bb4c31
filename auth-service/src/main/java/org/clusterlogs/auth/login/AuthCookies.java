package org.clusterlogs.auth.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.NewCookie;
import org.clusterlogs.auth.identity.User;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;

/**
 * The two login cookies: {@code dcos-acs-auth-cookie}, the token itself (HttpOnly, Secure,
 * SameSite=Strict, Path=/), and {@code dcos-acs-info-cookie}, base64 of {@code {uid, description,
 * is_remote}} for the UI to read (not HttpOnly; unpadded, so the value needs no quoting). Both live
 * as long as the token.
 */
public final class AuthCookies {

    public static final String AUTH = "dcos-acs-auth-cookie";
    public static final String INFO = "dcos-acs-info-cookie";

    private AuthCookies() {
    }

    public static NewCookie auth(String token, Duration lifetime) {
        return cookie(AUTH, token, (int) lifetime.toSeconds(), true);
    }

    public static NewCookie info(User user, Duration lifetime, ObjectMapper json) {
        String value;
        try {
            value = Base64.getEncoder().withoutPadding().encodeToString(json.writeValueAsString(new Info(user.uid(), user.description(),
                    false)).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return cookie(INFO, value, (int) lifetime.toSeconds(), false);
    }

    /** Both cookies, emptied and expired (logout). */
    public static NewCookie[] cleared() {
        return new NewCookie[] {cookie(AUTH, "", 0, true), cookie(INFO, "", 0, false)};
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean httpOnly) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge)
                .expiry(maxAge == 0 ? new Date(0) : null).secure(true).httpOnly(httpOnly)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    record Info(String uid, String description, @JsonProperty("is_remote") boolean isRemote) {
    }
}
