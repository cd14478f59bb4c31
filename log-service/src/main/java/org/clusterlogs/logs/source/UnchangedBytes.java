package org.clusterlogs.logs.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A stretch of a log file whose bytes are, unchanged, the text answer of a range read: every
 * line within the line cap, nothing filtered. It can go to the client without being read into
 * the service at all.
 *
 * @param channel      the open file; whoever sends the bytes closes it
 * @param from         the first byte
 * @param to           after the last byte
 * @param newlineAfter whether a newline must follow (the file ends in a partial line)
 */
public record UnchangedBytes(FileChannel channel, long from, long to, boolean newlineAfter) implements Closeable {

    public long length() {
        return to - from + (newlineAfter ? 1 : 0);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
