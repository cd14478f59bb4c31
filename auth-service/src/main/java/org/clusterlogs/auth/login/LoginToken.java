package org.clusterlogs.auth.login;

/** What a login or a refresh answers: {@code {"token": "<jwt>"}}; a named type so the contract names it too. */
public record LoginToken(String token) {
}
