package org.clusterlogs.logs.source.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    public static List<SandboxEntry> list(Path dir) throws IOException {
        List<SandboxEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                entries.add(describe(child));
            }
        }
        entries.sort(Comparator.comparing(SandboxEntry::path));
        return entries;
    }

    private static SandboxEntry describe(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        char type = a.isDirectory() ? 'd' : a.isSymbolicLink() ? 'l' : '-';
        Object nlink = Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        return new SandboxEntry(a.group().getName(), type + PosixFilePermissions.toString(a.permissions()),
                a.lastModifiedTime().toMillis() / 1000, ((Number) nlink).longValue(), p.toString(), a.size(),
                a.owner().getName());
    }
}
