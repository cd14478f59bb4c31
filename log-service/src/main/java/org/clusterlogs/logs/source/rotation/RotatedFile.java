package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.root.RootedPath;

import java.nio.file.attribute.FileTime;

/** One file of a rotating log as a listing shows it. */
public interface RotatedFile {

    /** Where it is now (only ever opened through its root). */
    RootedPath path();

    /** The file system's identity of the file, which a rename keeps; null when unknown. */
    Object fileKey();

    /** Whether it is compressed (finished, read from its start only). */
    boolean gzip();

    /** Whether it is the file being written, under the log's live name. */
    boolean live();

    /**
     * Its last modification as listed; null when the layout keeps none (kubelet never
     * copy-truncates, so a pod's reader never looks for copies by time).
     */
    default FileTime modified() {
        return null;
    }
}
