package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.root.OpenedFile;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.zip.GZIPInputStream;

/**
 * Reads one file of a rotating log forward, as uncompressed bytes. A plain file is read at an
 * offset through its open channel, so it stays readable after it is renamed, and may grow; a
 * gzip file is finished and is read from its start (its offsets are those of the uncompressed
 * bytes), in bounded memory but not at random. Files come opened from a
 * {@link org.clusterlogs.logs.source.root.LogRoot}.
 */
public final class SegmentInput implements Closeable {

    private final FileChannel channel;
    private final InputStream gzip;
    private long offset;

    private SegmentInput(FileChannel channel, InputStream gzip, long offset) {
        this.channel = channel;
        this.gzip = gzip;
        this.offset = offset;
    }

    /** A plain file's channel read from {@code offset}; closing the input closes the channel. */
    public static SegmentInput plain(FileChannel channel, long offset) {
        return new SegmentInput(channel, null, offset);
    }

    /** A gzip file read from its start; closing the input closes the file. */
    public static SegmentInput gzip(OpenedFile file) throws IOException {
        try {
            return new SegmentInput(null, new GZIPInputStream(Channels.newInputStream(file.channel()), 64 * 1024), 0);
        } catch (IOException | RuntimeException e) {
            file.channel().close();
            throw e;
        }
    }

    /** The offset of the next byte. */
    public long offset() {
        return offset;
    }

    /** The channel of a plain file, {@code null} for gzip. */
    public FileChannel channel() {
        return channel;
    }

    /** Reads up to {@code length} bytes into {@code buf}; 0 when there is nothing more now. */
    public int read(byte[] buf, int length) throws IOException {
        return read(ByteBuffer.wrap(buf, 0, length));
    }

    /** Reads into {@code buf} from its position; 0 when there is nothing more now. */
    public int read(ByteBuffer buf) throws IOException {
        int n;
        if (channel != null) {
            n = channel.read(buf, offset);
        } else {
            try {
                n = gzip.read(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
            } catch (EOFException e) {
                return 0; // a cut-off gzip file: its readable part is all there is
            }
            if (n > 0) {
                buf.position(buf.position() + n);
            }
        }
        if (n <= 0) {
            return 0;
        }
        offset += n;
        return n;
    }

    /** The first bytes of a file, up to {@code max}. */
    public static byte[] firstBytes(FileChannel channel, int max) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(max);
        while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
            // until full or at the end
        }
        byte[] bytes = new byte[b.position()];
        b.flip().get(bytes);
        return bytes;
    }

    public static byte[] firstBytes(InputStream in, int max) throws IOException {
        return in.readNBytes(max);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        } else {
            gzip.close();
        }
    }
}
