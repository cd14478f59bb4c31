package org.clusterlogs.auth.acl;

import org.clusterlogs.auth.api.IamException;

import java.util.regex.Pattern;

/**
 * Resource ids: 1 to 512 visible ASCII characters. In URLs a {@code /} inside a rid is written
 * twice encoded, {@code %252F}: the server decodes the {@code %25}, and {@link #fromPath} the {@code %2F}.
 */
public final class Rids {

    private static final Pattern RID = Pattern.compile("[\\x21-\\x7e]{1,512}");

    private Rids() {
    }

    /** The rid named by a once-decoded path segment, validated. */
    public static String fromPath(String segment) {
        return require(segment == null ? null : segment.replace("%2F", "/").replace("%2f", "/"));
    }

    /** Whether {@code rid} can be a resource id. */
    public static boolean valid(String rid) {
        return rid != null && RID.matcher(rid).matches();
    }

    /** The rid, or a 400 {@code ERR_INVALID_DATA}. */
    public static String require(String rid) {
        if (!valid(rid)) {
            throw new IamException(400, "ERR_INVALID_DATA", "rid must be 1 to 512 visible ASCII characters");
        }
        return rid;
    }

    /** The rid as a path segment of a URL: {@code /} as {@code %252F}; {@code % ? #} encoded once. */
    public static String toPath(String rid) {
        return rid.replace("%", "%25").replace("?", "%3F").replace("#", "%23").replace("/", "%252F");
    }
}
