package org.clusterlogs.auth.audit;

/** logfmt lines: {@code key=value}, a value quoted when it holds a space, quote, '=' or anything unprintable. */
final class Logfmt {

    private static final int MAX_VALUE = 300;

    private Logfmt() {
    }

    /** Alternating keys and values; a null value is written as an empty string. */
    static String line(String... keysAndValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(keysAndValues[i]).append('=').append(value(keysAndValues[i + 1]));
        }
        return out.toString();
    }

    static String value(String raw) {
        String v = raw == null ? "" : raw.length() > MAX_VALUE ? raw.substring(0, MAX_VALUE) + "..." : raw;
        boolean plain = !v.isEmpty();
        StringBuilder escaped = new StringBuilder(v.length() + 2);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
                plain = false;
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && Character.isISOControl(c))) {
                escaped.append(String.format("\\x%02x", (int) c));
                plain = false;
            } else {
                if (c == ' ' || c == '=') {
                    plain = false;
                }
                escaped.append(c);
            }
        }
        return plain ? escaped.toString() : "\"" + escaped + "\"";
    }
}
