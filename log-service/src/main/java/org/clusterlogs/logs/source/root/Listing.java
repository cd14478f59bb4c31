package org.clusterlogs.logs.source.root;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;

/**
 * A directory under a {@link LogRoot} as listed: its real path under the root and its entries,
 * each with its own attributes (a link is listed as a link; owner and group are looked up only
 * when asked for).
 */
public record Listing(Path realRelative, List<Item> items) {

    /** One entry of a directory. */
    public record Item(String name, PosixFileAttributes attributes) {
    }
}
