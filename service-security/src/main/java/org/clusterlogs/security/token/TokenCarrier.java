package org.clusterlogs.security.token;

import java.util.List;
import java.util.Optional;

/**
 * Where a request carries its token: {@code Authorization: token=<jwt>} (the DC/OS form, exact
 * prefix), {@code Authorization: Bearer <jwt>} (scheme in any case, one space), or the cookie
 * {@value #COOKIE} only when there is no {@code Authorization} header at all. A header that is
 * present but unusable never falls back to the cookie, and neither do two headers: a request
 * that says two things is refused rather than guessed at. What the token itself looks like is
 * {@link TokenVerifier}'s concern: a token it verified before is known by its text at once.
 */
public final class TokenCarrier {

    public static final String COOKIE = "dcos-acs-auth-cookie";
    /** Far above any token the suite issues (about 1 KB); a bigger one is refused before parsing. */
    static final int MAX_TOKEN_CHARS = 8192;
    private static final String TOKEN_PREFIX = "token=";
    private static final String BEARER = "Bearer ";

    private TokenCarrier() {
    }

    /**
     * @param authorization every {@code Authorization} header of the request, in order
     * @param cookie        the value of the auth cookie, or null
     * @return the token; empty when the request presents none at all
     * @throws InvalidTokenException when what it presents is not a usable token
     */
    public static Optional<PresentedToken> find(List<String> authorization, String cookie) throws InvalidTokenException {
        if (authorization.size() > 1) {
            throw new InvalidTokenException("more than one Authorization header");
        }
        if (authorization.size() == 1) {
            return Optional.of(new PresentedToken(fromHeader(authorization.get(0)), false));
        }
        if (cookie == null || cookie.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PresentedToken(checked(cookie, "cookie"), true));
    }

    private static String fromHeader(String value) throws InvalidTokenException {
        if (value.startsWith(TOKEN_PREFIX)) {
            return checked(value.substring(TOKEN_PREFIX.length()), "Authorization token=");
        }
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return checked(value.substring(BEARER.length()), "Authorization Bearer");
        }
        throw new InvalidTokenException("Authorization header is neither 'token=' nor 'Bearer '");
    }

    private static String checked(String jwt, String carrier) throws InvalidTokenException {
        if (jwt.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException(carrier + " token longer than " + MAX_TOKEN_CHARS + " characters");
        }
        return jwt;
    }
}
