package org.clusterlogs.logs.source.root;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where a walk under a {@link LogRoot} stands: the open directories from the root down (each
 * opened relative to the one above, links not followed), their names, and the last name with
 * its attributes once the walk has arrived. Closing it closes every directory.
 */
final class Walk implements Closeable {

    private final Deque<SecureDirectoryStream<Path>> open = new ArrayDeque<>();
    private final List<String> names = new ArrayList<>();
    private String lastName;
    private BasicFileAttributes attributes;

    Walk(SecureDirectoryStream<Path> root) {
        open.push(root);
    }

    SecureDirectoryStream<Path> current() {
        return open.peek();
    }

    void down(String name) throws IOException {
        open.push(current().newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS));
        names.add(name);
    }

    /** One level up; false at the root. */
    boolean up() throws IOException {
        if (names.isEmpty()) {
            return false;
        }
        open.pop().close();
        names.remove(names.size() - 1);
        return true;
    }

    void toRoot() throws IOException {
        while (up()) {
            // back to the root
        }
    }

    /** The walk arrived: {@code name} in the current directory, not a link. */
    void last(String name, BasicFileAttributes a) {
        lastName = name;
        attributes = a;
    }

    /** The directory holding the last name (the root itself when the walk named the root). */
    SecureDirectoryStream<Path> parent() {
        return current();
    }

    /** The last name, or null when the walk named the root. */
    Path lastName() {
        return lastName == null ? null : Path.of(lastName);
    }

    BasicFileAttributes attributes() throws IOException {
        if (attributes == null) {
            attributes = current().getFileAttributeView(BasicFileAttributeView.class).readAttributes();
        }
        return attributes;
    }

    /** Opens the last name as a directory; it is closed with the walk. */
    SecureDirectoryStream<Path> openChild() throws IOException {
        down(lastName);
        lastName = null;
        attributes = null;
        return current();
    }

    /** The real path under the root where the walk arrived. */
    Path realRelative() {
        List<String> all = new ArrayList<>(names);
        if (lastName != null) {
            all.add(lastName);
        }
        return all.isEmpty() ? Path.of("") : Path.of(all.get(0), all.subList(1, all.size()).toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
