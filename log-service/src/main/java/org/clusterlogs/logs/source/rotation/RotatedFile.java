package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.root.RootedPath;

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
}
