package org.clusterlogs.logs.api;

/**
 * An RFC 9457 problem body. {@code code} is a stable machine-readable name of the error.
 */
public record Problem(String type, String title, int status, String detail, String code) {

    public static Problem of(int status, String title, String code, String detail) {
        return new Problem("about:blank", title, status, detail, code);
    }
}
