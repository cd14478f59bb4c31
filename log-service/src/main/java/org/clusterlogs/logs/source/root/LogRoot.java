package org.clusterlogs.logs.source.root;

import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.LogNotReadableException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A configured log root, and the one way the service opens anything under it. Every open of a
 * log file or directory (first open, reopen after a rotation, rotated and gzip files, browse,
 * download) comes through here.
 *
 * <p>A path is walked one name at a time from the root with {@link SecureDirectoryStream}
 * ({@code openat} with {@code O_NOFOLLOW} on Linux): each directory is opened relative to the
 * one before, and the file relative to its directory, so no name is ever resolved by the
 * kernel through a link. A symbolic link met on the way is resolved here, by hand: its target
 * is walked the same way, and a target that leaves the root (an absolute path elsewhere, or
 * {@code ..} above the root) is refused. Links that stay inside the root keep working (Mesos'
 * {@code runs/latest}). Checking and opening are the same step, so a task that swaps a file
 * for a link between a check and an open gains nothing.
 */
public final class LogRoot {

    /** As the kernel's limit on links followed in one lookup. */
    private static final int MAX_LINKS = 40;
    private static final Set<? extends OpenOption> READ_NO_FOLLOW =
            Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final Path configured;
    private final Runnable onRefused;
    private volatile Path real;

    /**
     * @param configured the root as configured (may itself be a link, it is trusted)
     * @param onRefused  called for every refused path (a metric counts them)
     */
    public LogRoot(Path configured, Runnable onRefused) {
        this.configured = configured.toAbsolutePath().normalize();
        this.onRefused = Objects.requireNonNull(onRefused);
    }

    /**
     * Opens the regular file at {@code relative} for reading.
     *
     * @throws LogNotFoundException  when nothing is there
     * @throws PathRefusedException  when a link on the way leaves the root
     * @throws BadPathException      when it is not a regular file
     * @throws LogNotReadableException when file permissions keep the service out
     */
    public OpenedFile openFile(Path relative) throws IOException {
        return readable(() -> open(relative));
    }

    private OpenedFile open(Path relative) throws IOException {
        try (Walk walk = walk(relative)) {
            BasicFileAttributes before = walk.attributes();
            if (!before.isRegularFile()) {
                throw new BadPathException("not a regular file: " + relative);
            }
            FileChannel channel;
            try {
                channel = (FileChannel) walk.parent().newByteChannel(walk.lastName(), READ_NO_FOLLOW);
            } catch (NoSuchFileException e) {
                throw new LogNotFoundException("no such log: " + relative);
            } catch (IOException e) {
                if (isLinkRefusal(e)) {
                    throw refused(relative, "was replaced by a link while it was opened");
                }
                throw e;
            }
            try {
                BasicFileAttributes after = attributes(walk.parent(), walk.lastName());
                if (after == null || !after.isRegularFile() || !Objects.equals(after.fileKey(), before.fileKey())) {
                    throw new LogNotFoundException("the log was replaced while it was opened: " + relative);
                }
                return new OpenedFile(channel, walk.realRelative(), after);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    /**
     * Lists the directory at {@code relative}: every entry with its own attributes (links are
     * listed as links, never followed).
     *
     * @throws LogNotFoundException when nothing is there
     * @throws PathRefusedException when a link on the way leaves the root
     * @throws BadPathException     when it is not a directory
     */
    public Listing list(Path relative) throws IOException {
        return readable(() -> listing(relative));
    }

    private Listing listing(Path relative) throws IOException {
        try (Walk walk = walk(relative)) {
            SecureDirectoryStream<Path> dir;
            if (walk.lastName() == null) {
                dir = walk.parent();
            } else {
                if (!walk.attributes().isDirectory()) {
                    throw new BadPathException("not a directory: " + relative);
                }
                dir = walk.openChild();
            }
            List<Listing.Item> items = new ArrayList<>();
            for (Path child : dir) {
                Path name = child.getFileName();
                PosixFileAttributes a = attributes(dir, name);
                if (a != null) {
                    items.add(new Listing.Item(name.toString(), a));
                }
            }
            return new Listing(walk.realRelative(), items);
        }
    }

    /**
     * The real path under the root that {@code relative} names, links inside the root resolved,
     * and what is there.
     */
    public Resolved resolve(Path relative) throws IOException {
        return readable(() -> {
            try (Walk walk = walk(relative)) {
                return new Resolved(walk.realRelative(), walk.attributes());
            }
        });
    }

    /** A file or directory on the way the service may not read is the client's answer (403), not a failure. */
    private static <T> T readable(IoCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (AccessDeniedException e) {
            throw new LogNotReadableException();
        }
    }

    /**
     * The target of the symbolic link at {@code relative}, as text: the directories on the way
     * are walked as for any open, the link itself is not followed. What the target names is the
     * caller's to check; it is never opened by this call.
     *
     * @throws LogNotFoundException when nothing is there
     * @throws PathRefusedException when a link on the way leaves the root
     * @throws BadPathException     when it is not a symbolic link
     */
    public Path readLink(Path relative) throws IOException {
        Path name = relative.getFileName();
        if (name == null || relative.normalize().getFileName() == null
                || name.toString().equals("..") || name.toString().equals(".")) {
            throw new BadPathException("not a link name: " + relative);
        }
        Path parent = relative.getParent();
        try (Walk walk = parent == null ? new Walk(openRoot()) : walk(parent)) {
            SecureDirectoryStream<Path> dir;
            if (walk.lastName() == null) {
                dir = walk.parent();
            } else {
                if (!walk.attributes().isDirectory()) {
                    throw new LogNotFoundException("no such link: " + relative);
                }
                dir = walk.openChild();
            }
            PosixFileAttributes a = attributes(dir, name);
            if (a == null) {
                throw new LogNotFoundException("no such link: " + relative);
            }
            if (!a.isSymbolicLink()) {
                throw new BadPathException("not a symbolic link: " + relative);
            }
            try {
                return Files.readSymbolicLink(real().resolve(walk.realRelative()).resolve(name));
            } catch (NoSuchFileException e) {
                throw new LogNotFoundException("no such link: " + relative);
            } catch (NotLinkException e) {
                throw new BadPathException("not a symbolic link: " + relative);
            }
        }
    }

    private interface IoCall<T> {
        T run() throws IOException;
    }

    /** The absolute path of a real relative path, for watches and messages only, never to open. */
    public Path absolute(Path realRelative) {
        return configured.resolve(realRelative);
    }

    private Walk walk(Path relative) throws IOException {
        if (relative.isAbsolute()) {
            throw new IllegalArgumentException("a path under a root must be relative: " + relative);
        }
        Walk walk = new Walk(openRoot());
        try {
            Deque<String> todo = new ArrayDeque<>();
            for (Path name : relative) {
                todo.add(name.toString());
            }
            int links = 0;
            while (!todo.isEmpty()) {
                String name = todo.poll();
                if (name.isEmpty() || name.equals(".")) {
                    continue;
                }
                if (name.equals("..")) {
                    if (!walk.up()) {
                        throw refused(relative, "leads above the log root");
                    }
                    continue;
                }
                BasicFileAttributes a = attributes(walk.current(), Path.of(name));
                if (a == null) {
                    throw new LogNotFoundException("no such log: " + relative);
                }
                if (a.isSymbolicLink()) {
                    if (++links > MAX_LINKS) {
                        throw refused(relative, "has too many links");
                    }
                    followLink(walk, name, todo, relative);
                    continue;
                }
                if (todo.stream().allMatch(n -> n.isEmpty() || n.equals("."))) {
                    walk.last(name, a);
                    return walk;
                }
                if (!a.isDirectory()) {
                    throw new LogNotFoundException("no such log: " + relative);
                }
                walk.down(name);
            }
            return walk; // the root itself
        } catch (IOException | RuntimeException e) {
            walk.close();
            throw e;
        }
    }

    /** Puts a link's target in front of what is left to walk; an absolute target restarts at the root. */
    private void followLink(Walk walk, String name, Deque<String> todo, Path relative) throws IOException {
        // the target is only text; it is walked with the same checks as anything else
        Path target;
        try {
            target = Files.readSymbolicLink(real().resolve(walk.realRelative()).resolve(name));
        } catch (NotLinkException e) {
            todo.addFirst(name); // replaced since it was looked at: look again
            return;
        } catch (NoSuchFileException e) {
            throw new LogNotFoundException("no such log: " + relative);
        }
        List<String> names = new ArrayList<>();
        if (target.isAbsolute()) {
            Path normal = target.normalize();
            Path inside;
            if (normal.startsWith(real())) {
                inside = real().relativize(normal);
            } else if (normal.startsWith(configured)) {
                inside = configured.relativize(normal);
            } else {
                throw refused(relative, "is a link that leaves the log root");
            }
            walk.toRoot();
            inside.forEach(p -> names.add(p.toString()));
        } else {
            target.forEach(p -> names.add(p.toString()));
        }
        for (int i = names.size() - 1; i >= 0; i--) {
            todo.addFirst(names.get(i));
        }
    }

    private PathRefusedException refused(Path relative, String why) {
        onRefused.run();
        return new PathRefusedException("path " + relative + " " + why);
    }

    private Path real() throws IOException {
        Path r = real;
        if (r == null) {
            try {
                r = configured.toRealPath();
            } catch (NoSuchFileException e) {
                throw new LogNotFoundException("this node does not serve these logs: their root " + configured
                    + " does not exist here (not configured on this node)");
            }
            real = r;
        }
        return r;
    }

    /**
     * Fails with the answer for a kind of log this node does not serve when the root does not
     * exist (it is looked at as configured, a trusted path).
     */
    public void requireServed() {
        if (!Files.isDirectory(configured)) {
            throw notServed();
        }
    }

    private LogNotFoundException notServed() {
        return new LogNotFoundException("this node does not serve these logs: their root " + configured
                + " does not exist here (not configured on this node)");
    }

    private SecureDirectoryStream<Path> openRoot() throws IOException {
        DirectoryStream<Path> stream;
        try {
            stream = Files.newDirectoryStream(real());
        } catch (NoSuchFileException | NotDirectoryException e) {
            real = null; // recreated later, perhaps elsewhere
            throw notServed();
        }
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        throw new IOException("this platform cannot open files relative to a directory (openat); refusing to serve");
    }

    /**
     * What {@code name} in {@code dir} is, not following a link (one {@code fstatat}; owner and
     * group are looked up only when asked for), or null when nothing is there.
     */
    private static PosixFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            return dir.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** {@code O_NOFOLLOW} on a link fails with ELOOP, which the JDK reports as a plain FileSystemException. */
    private static boolean isLinkRefusal(IOException e) {
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("too many levels of symbolic links");
    }

    /** What a path names: its real path under the root and its attributes. */
    public record Resolved(Path realRelative, BasicFileAttributes attributes) {
    }
}
