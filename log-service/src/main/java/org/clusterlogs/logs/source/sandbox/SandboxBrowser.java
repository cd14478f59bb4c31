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

    public static List<SandboxEntry> list(RootedPath dir) throws IOException {
        Listing listing = dir.list();
        Path where = dir.root().absolute(listing.realRelative());
        List<SandboxEntry> entries = new ArrayList<>();
        for (Listing.Item item : listing.items()) {
            entries.add(describe(where.resolve(item.name()), item.attributes()));
        }
        entries.sort(Comparator.comparing(SandboxEntry::path));
        return entries;
    }

    private static SandboxEntry describe(Path p, PosixFileAttributes a) throws IOException {
        char type = a.isDirectory() ? 'd' : a.isSymbolicLink() ? 'l' : '-';
        return new SandboxEntry(a.group().getName(), type + PosixFilePermissions.toString(a.permissions()),
                a.lastModifiedTime().toMillis() / 1000, linkCount(p), p.toString(), a.size(), a.owner().getName());
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
