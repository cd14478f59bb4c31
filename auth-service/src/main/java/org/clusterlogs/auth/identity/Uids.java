package org.clusterlogs.auth.identity;

import org.clusterlogs.auth.api.IamException;


/**
 * The one rule for uids and gids, applied wherever one arrives (path, body, login, token claim):
 * 1 to 96 of letters, digits, {@code - _ @ .}; {@code anonymous} is reserved (the suite's
 * {@link org.clusterlogs.security.Uids}, which every service also applies to a token's uid).
 * Anything else never reaches SQL, a URL or a log line unchecked.
 */
public final class Uids {

    private Uids() {
    }

    public static boolean valid(String id) {
        return org.clusterlogs.security.Uids.valid(id);
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
