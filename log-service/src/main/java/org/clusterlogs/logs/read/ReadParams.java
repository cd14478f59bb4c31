package org.clusterlogs.logs.read;

import org.clusterlogs.logs.source.BadParameterException;

/**
 * Where a read starts and how much it returns: {@code cursor}, {@code skip}, {@code limit} and
 * the {@code Last-Event-ID} header, already checked for syntax ({@link BadParameterException} otherwise).
 *
 * @param cursor      {@code BEG}, {@code END}, a source cursor, or null
 * @param skip        entries to move from the cursor position (negative: back)
 * @param limit       most entries to return; 0 = no limit
 * @param lastEventId the SSE resume cursor; when present it overrides the three others
 */
public record ReadParams(String cursor, long skip, long limit, String lastEventId) {

    public static final String BEG = "BEG";
    public static final String END = "END";

    public static ReadParams parse(String cursor, String skip, String limit, String lastEventId) {
        String c = blankToNull(cursor);
        String id = blankToNull(lastEventId);
        long s = parseLong("skip", skip);
        long l = parseLong("limit", limit);
        if (l < 0) {
            throw new BadParameterException("limit must be 0 (no limit) or positive, got " + l);
        }
        if (id != null) {
            return new ReadParams(null, 0, 0, id);
        }
        return new ReadParams(c, s, l, null);
    }

    private static long parseLong(String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name + " must be an integer, got '" + v + "'");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }
}
