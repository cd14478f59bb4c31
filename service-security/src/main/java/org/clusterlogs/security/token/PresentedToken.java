package org.clusterlogs.security.token;

/**
 * A token as the client presented it, before any check of its content.
 *
 * @param jwt        the token text as presented (at most 8 KB; its shape is checked when it is verified)
 * @param fromCookie true when it came from the auth cookie, not from {@code Authorization}
 */
public record PresentedToken(String jwt, boolean fromCookie) {

    @Override
    public String toString() {
        return "PresentedToken[fromCookie=" + fromCookie + "]"; // never the token itself
    }
}
