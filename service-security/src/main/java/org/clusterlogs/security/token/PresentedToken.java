package org.clusterlogs.security.token;

/**
 * A token as the client presented it, before any check of its content.
 *
 * @param jwt        three base64url segments
 * @param fromCookie true when it came from the auth cookie, not from {@code Authorization}
 */
public record PresentedToken(String jwt, boolean fromCookie) {

    @Override
    public String toString() {
        return "PresentedToken[fromCookie=" + fromCookie + "]"; // never the token itself
    }
}
