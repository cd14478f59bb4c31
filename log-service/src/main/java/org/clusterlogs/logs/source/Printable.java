package org.clusterlogs.logs.source;

/**
 * Text a client or a task controls (a path, a cursor, a parameter), made safe to put in an
 * error message or a log line: control characters shown as {@code \xNN}, at most
 * {@value #MAX_CHARS} characters.
 */
public final class Printable {

    private static final int MAX_CHARS = 200;

    private Printable() {
    }

    public static String of(String s) {
        if (s == null) {
            return "";
        }
        String shown = s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + "…" : s;
        StringBuilder b = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
