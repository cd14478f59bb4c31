package org.clusterlogs.auth.token;

/**
 * What a verified access token says.
 *
 * @param uid      the caller
 * @param expires  its {@code exp}, epoch seconds
 * @param authTime when the caller logged in (refreshes keep it), epoch seconds
 */
public record VerifiedToken(String uid, long expires, long authTime) {
}
