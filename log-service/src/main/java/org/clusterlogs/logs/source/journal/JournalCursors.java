package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.BadCursorException;
import org.clusterlogs.logs.source.Printable;

import java.util.Locale;

/**
 * Journal cursor strings, {@code s=…;i=…;b=…;m=…;t=…;x=…} (logs-v2 §4.2). A client-sent cursor
 * is checked here before journalctl sees it, so a malformed one is the client's error (400)
 * and never a journalctl failure (500). Cursors are compared by value, not as strings,
 * because journalctl accepts upper-case hex and leading zeros but prints neither.
 */
final class JournalCursors {

    private static final String[] KEYS = {"s", "i", "b", "m", "t", "x"};
    /** s and b are 128-bit ids (journalctl refuses other lengths); the rest are hex uint64. */
    private static final int ID_DIGITS = 32;
    private static final int NUMBER_DIGITS = 16;

    private JournalCursors() {
    }

    /** Checks the format strictly: six {@code key=hex} pairs in the order s, i, b, m, t, x. */
    static void validate(String cursor) {
        values(cursor);
    }

    /** Whether both cursors name the same entry (both must be well-formed). */
    static boolean sameEntry(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    /**
     * The cursor as journalctl prints it (lower-case hex, no leading zeros), so that cursors
     * journalctl printed can be compared with {@link String#equals}.
     */
    static String canonical(String cursor) {
        String[] v = values(cursor);
        StringBuilder b = new StringBuilder(cursor.length());
        for (int i = 0; i < KEYS.length; i++) {
            b.append(i == 0 ? "" : ";").append(KEYS[i]).append('=').append(isId(i)
                    ? v[i].toLowerCase(Locale.ROOT)
                    : Long.toHexString(Long.parseUnsignedLong(v[i], 16)));
        }
        return b.toString();
    }

    /** The entry's hash, the {@code x=} part: the XOR of its fields' hashes ({@link JournalEntryHash}). */
    static long xorHash(String cursor) {
        return Long.parseUnsignedLong(values(cursor)[5], 16);
    }

    private static String[] values(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            throw bad(cursor, "it is empty");
        }
        String[] parts = cursor.split(";", -1);
        if (parts.length != KEYS.length) {
            throw bad(cursor, "it must have six ';'-separated parts, it has " + parts.length);
        }
        String[] values = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            String prefix = KEYS[i] + "=";
            if (!parts[i].startsWith(prefix)) {
                throw bad(cursor, "part " + (i + 1) + " must start with '" + prefix + "'");
            }
            String value = parts[i].substring(prefix.length());
            boolean lengthOk = isId(i) ? value.length() == ID_DIGITS
                    : !value.isEmpty() && value.length() <= NUMBER_DIGITS;
            if (!lengthOk || !isHex(value)) {
                throw bad(cursor, "'" + KEYS[i] + "' must be "
                        + (isId(i) ? ID_DIGITS + " hex digits" : "1 to " + NUMBER_DIGITS + " hex digits"));
            }
            values[i] = value;
        }
        return values;
    }

    private static boolean isId(int index) {
        return index == 0 || index == 2;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static BadCursorException bad(String cursor, String why) {
        return new BadCursorException("malformed journal cursor '" + Printable.of(cursor)
                + "': " + why + " (expected s=…;i=…;b=…;m=…;t=…;x=…)");
    }
}
