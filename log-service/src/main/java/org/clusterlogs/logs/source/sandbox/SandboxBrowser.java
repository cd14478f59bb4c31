package org.clusterlogs.logs.source.sandbox;

import org.clusterlogs.logs.source.root.Listing;
import org.clusterlogs.logs.source.root.RootedPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists a sandbox directory like Mesos {@code files/browse}: links are described, not followed. */
public final class SandboxBrowser {

    private SandboxBrowser() {
    }

    /** The entries of {@code dir}, each {@code path} the entry's real path on this node. */
    public static List<SandboxEntry> list(RootedPath dir) throws IOException {
        return list(dir, null);
    }

    /**
     * The entries of {@code dir}, each {@code path} being {@code shownAs/<name>} (as Mesos
     * answers: the requested path joined with the name), or the real path when {@code shownAs}
     * is null.
     */
    public static List<SandboxEntry> list(RootedPath dir, String shownAs) throws IOException {
        Listing listing = dir.list();
        Path where = dir.root().absolute(listing.realRelative());
        List<SandboxEntry> entries = new ArrayList<>();
        for (Listing.Item item : listing.items()) {
            Path real = where.resolve(item.name());
            String shown = shownAs == null ? real.toString() : shownAs + "/" + item.name();
            entries.add(describe(real, shown, item.attributes()));
        }
        entries.sort(Comparator.comparing(SandboxEntry::path));
        return entries;
    }

    private static SandboxEntry describe(Path real, String shown, PosixFileAttributes a) throws IOException {
        char type = a.isDirectory() ? 'd' : a.isSymbolicLink() ? 'l' : '-';
        return new SandboxEntry(a.group().getName(), type + PosixFilePermissions.toString(a.permissions()),
                a.lastModifiedTime().toMillis() / 1000, linkCount(real), shown, a.size(), a.owner().getName());
    }

    /**
     * The link count, which only the {@code unix} view has and a directory stream cannot read:
     * read by path, without following a link. Nothing is opened, and at worst another file's
     * count is shown.
     */
    private static long linkCount(Path p) throws IOException {
        try {
            return ((Number) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
