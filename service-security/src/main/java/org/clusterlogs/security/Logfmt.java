package org.clusterlogs.security;

/**
 * logfmt for the suite's audit lines ({@code key=value ...}): a value is quoted when it is empty
 * or holds a space, quote, {@code =}, backslash, control or non-ASCII character; inside quotes
 * {@code "} and {@code \} are escaped and control characters written as {@code \xNN}, so a
 * client-controlled value can never forge a field or a line. Values longer than 300 characters
 * are cut (with {@code ...}).
 */
public final class Logfmt {

    private static final int MAX_VALUE_CHARS = 300;

    private Logfmt() {
    }

    /** Alternating keys and values; a null value is written as an empty string. */
    public static String line(String... keysAndValues) {
        StringBuilder out = new StringBuilder(200);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            append(out, keysAndValues[i], keysAndValues[i + 1]);
        }
        return out.toString();
    }

    /** Appends {@code key=value} to {@code line}. */
    public static void append(StringBuilder line, String key, String value) {
        line.append(key).append('=').append(value(value));
    }

    /** The value as logfmt writes it. */
    public static String value(String raw) {
        String v = raw == null ? "" : raw.length() > MAX_VALUE_CHARS ? raw.substring(0, MAX_VALUE_CHARS) + "..." : raw;
        boolean quote = v.isEmpty() || v.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '=' || c == '\\' || c >= 0x7f);
        if (!quote) {
            return v;
        }
        StringBuilder escaped = new StringBuilder(v.length() + 8).append('"');
        v.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append((char) c);
            } else if (Character.isISOControl(c)) {
                escaped.append(String.format("\\x%02x", c));
            } else {
                escaped.append((char) c);
            }
        });
        return escaped.append('"').toString();
    }
}
