package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.root.RootedPath;

import java.nio.file.attribute.FileTime;

/**
 * One file of a plain log's rotation as listed now.
 *
 * @param path     where it is now
 * @param fileKey  the file system's identity of the file, which a rename keeps
 * @param modified its last modification
 * @param gzip     whether it is compressed
 * @param live     whether it is the live file (the log's own name)
 */
public record FileSegment(RootedPath path, Object fileKey, FileTime modified, boolean gzip, boolean live)
        implements RotatedFile {
}
