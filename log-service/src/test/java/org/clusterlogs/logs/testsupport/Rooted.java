package org.clusterlogs.logs.testsupport;

import org.clusterlogs.logs.source.root.LogRoot;
import org.clusterlogs.logs.source.root.RootedPath;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Log roots for tests that use the sources without the service. */
public final class Rooted {

    private Rooted() {
    }

    /** A root at {@code dir} that counts its refusals in {@code refusals}. */
    public static LogRoot root(Path dir, AtomicInteger refusals) {
        return new LogRoot(dir, refusals::incrementAndGet);
    }

    public static LogRoot root(Path dir) {
        return root(dir, new AtomicInteger());
    }

    /** {@code dir} under a root that is its parent directory. */
    public static RootedPath dir(Path dir) {
        Path absolute = dir.toAbsolutePath();
        return new RootedPath(root(absolute.getParent()), absolute.getFileName());
    }
}
