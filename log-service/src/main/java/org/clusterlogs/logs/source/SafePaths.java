package org.clusterlogs.logs.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns client-sent path segments into a path under a configured root, or refuses. Every
 * file the service opens for a client comes through here: nothing outside the roots is read.
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
                throw new BadPathException(what + " must be a single path segment: " + printable(name));
            }
        }
        return name;
    }

    /**
     * Resolves checked segments under {@code root} and follows links: the real path must stay
     * under the real root. Answers the real path of an existing entry.
     *
     * @throws LogNotFoundException when nothing exists there
     */
    public static Path existing(Path root, String... segments) throws IOException {
        Path candidate = root;
        for (String s : segments) {
            candidate = candidate.resolve(s);
        }
        Path realRoot = root.toRealPath();
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new LogNotFoundException("no such log: " + String.join("/", segments));
        }
        if (!real.startsWith(realRoot)) {
            throw new BadPathException("path leaves the log root: " + String.join("/", segments));
        }
        return real;
    }

    /** Like {@link #existing} but the entry must be a regular file. */
    public static Path regularFile(Path root, String... segments) throws IOException {
        Path real = existing(root, segments);
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadPathException("not a regular file: " + String.join("/", segments));
        }
        return real;
    }

    /** Like {@link #existing} but the entry must be a directory. */
    public static Path directory(Path root, String... segments) throws IOException {
        Path real = existing(root, segments);
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadPathException("not a directory: " + String.join("/", segments));
        }
        return real;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
