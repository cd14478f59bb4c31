package org.clusterlogs.logs.source.root;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file or directory named under a {@link LogRoot}. It is only ever opened through the root,
 * so holding one is never a way around the root's checks.
 *
 * @param root     the root
 * @param relative the path under it (may go through links the root resolves)
 */
public record RootedPath(LogRoot root, Path relative) {

    public RootedPath {
        if (relative.isAbsolute()) {
            throw new IllegalArgumentException("a path under a root must be relative: " + relative);
        }
    }

    public RootedPath child(String name) {
        return new RootedPath(root, relative.resolve(name));
    }

    public String fileName() {
        Path name = relative.getFileName();
        return name == null ? "" : name.toString();
    }

    public OpenedFile openFile() throws IOException {
        return root.openFile(relative);
    }

    public Listing list() throws IOException {
        return root.list(relative);
    }

    public LogRoot.Resolved resolve() throws IOException {
        return root.resolve(relative);
    }

    /** Where it is in the file system, for change watches and messages; never opened by this path. */
    public Path absolute() {
        return root.absolute(relative);
    }

    @Override
    public String toString() {
        return relative.toString();
    }
}
