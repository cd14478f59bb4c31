package org.clusterlogs.logs.source;

/**
 * Checks the path segments a client sends (ids, file names) before they name anything under a
 * root: one segment each, no dot segments, no control bytes. Opening is
 * {@link org.clusterlogs.logs.source.root.LogRoot}'s job.
 */
public final class SafePaths {

    private SafePaths() {
    }

    /** Checks one client-sent segment: no separators, no dot segments, no control bytes. */
    public static String segment(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new BadPathException(what + " must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new BadPathException(what + " must not be a dot segment: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                throw new BadPathException(what + " must be a single path segment: " + Printable.of(name));
            }
        }
        return name;
    }
}
