package org.clusterlogs.auth.identity;

import org.clusterlogs.auth.api.IamException;

import java.util.regex.Pattern;

/**
 * The one rule for uids and gids, applied wherever one arrives (path, body, login, token claim):
 * 1 to 96 of letters, digits, {@code - _ @ .}; {@code anonymous} is reserved. Anything else never
 * reaches SQL, a URL or a log line unchecked.
 */
public final class Uids {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_@.\\-]{1,96}");
    private static final String RESERVED = "anonymous";

    private Uids() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches() && !id.equals(RESERVED);
    }

    /** The uid, or a 400 {@code ERR_INVALID_USER_ID}. */
    public static String requireUid(String uid) {
        if (!valid(uid)) {
            throw new IamException(400, "ERR_INVALID_USER_ID",
                    "uid must be 1 to 96 letters, digits, '-', '_', '@' or '.', and not 'anonymous'");
        }
        return uid;
    }

    /** The gid, or a 400 {@code ERR_INVALID_DATA}. */
    public static String requireGid(String gid) {
        if (!valid(gid)) {
            throw new IamException(400, "ERR_INVALID_DATA",
                    "gid must be 1 to 96 letters, digits, '-', '_', '@' or '.', and not 'anonymous'");
        }
        return gid;
    }
}
