package org.clusterlogs.logs.source.root;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A regular file opened through a {@link LogRoot}.
 *
 * @param channel      open for reading; the caller closes it
 * @param realRelative where the file is under the root, links resolved
 * @param attributes   the file's attributes right after it was opened ({@code fileKey()} tells
 *                     a renamed file from a new one)
 */
public record OpenedFile(FileChannel channel, Path realRelative, BasicFileAttributes attributes) implements Closeable {

    public Object fileKey() {
        return attributes.fileKey();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
