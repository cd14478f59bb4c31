package org.clusterlogs.logs.source.pod;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads one file's uncompressed bytes forward. A plain file is read at an offset through an
 * open channel, so it keeps being readable after kubelet renames it, and may grow; a gzip file
 * is finished and can only be read from its start (its offsets are those of the uncompressed
 * bytes), which is bounded memory but not random access.
 */
final class SegmentInput implements Closeable {

    private final FileChannel channel;
    private final InputStream gzip;
    private long offset;

    private SegmentInput(FileChannel channel, InputStream gzip, long offset) {
        this.channel = channel;
        this.gzip = gzip;
        this.offset = offset;
    }

    /** A plain file's channel read from {@code offset}; closing the input closes the channel. */
    static SegmentInput plain(FileChannel channel, long offset) {
        return new SegmentInput(channel, null, offset);
    }

    static FileChannel openChannel(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    /**
     * Opens a listed plain file and checks that the name still holds the file listed (kubelet
     * may have renamed it and created a new one since).
     *
     * @throws SegmentGoneException when it does not
     */
    static FileChannel openListed(Segment segment) throws IOException {
        FileChannel channel;
        try {
            channel = openChannel(segment.path());
        } catch (NoSuchFileException e) {
            throw new SegmentGoneException(segment);
        }
        try {
            boolean same;
            if (segment.fileKey() != null) {
                Object key = Files.readAttributes(segment.path(), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).fileKey();
                same = segment.fileKey().equals(key);
            } else {
                same = Objects.equals(segment.id(),
                        SegmentList.idOf(segment.restart(), firstBytes(channel, CriHeader.MAX_BYTES), !segment.live()));
            }
            if (!same) {
                throw new SegmentGoneException(segment);
            }
            return channel;
        } catch (NoSuchFileException e) {
            channel.close();
            throw new SegmentGoneException(segment);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Opens a listed gzip file from its start. */
    static SegmentInput openListedGzip(Segment segment) throws IOException {
        try {
            return gzip(segment.path());
        } catch (NoSuchFileException e) {
            throw new SegmentGoneException(segment);
        }
    }

    /** A gzip file read from its start. */
    static SegmentInput gzip(Path path) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            return new SegmentInput(null, new GZIPInputStream(raw, 64 * 1024), 0);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The offset of the next byte. */
    long offset() {
        return offset;
    }

    /** The channel of a plain file, {@code null} for gzip. */
    FileChannel channel() {
        return channel;
    }

    /** Reads up to {@code length} bytes into {@code buf}; 0 when there is nothing more now. */
    int read(byte[] buf, int length) throws IOException {
        if (channel != null) {
            int n = channel.read(ByteBuffer.wrap(buf, 0, length), offset);
            if (n <= 0) {
                return 0;
            }
            offset += n;
            return n;
        }
        int n;
        try {
            n = gzip.read(buf, 0, length);
        } catch (EOFException e) {
            return 0; // a cut-off gzip file: its readable part is all there is
        }
        if (n <= 0) {
            return 0;
        }
        offset += n;
        return n;
    }

    /** The first bytes of a file, up to {@code max}: enough to tell its {@link SegmentId}. */
    static byte[] firstBytes(FileChannel channel, int max) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(max);
        while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
            // until full or at the end
        }
        byte[] bytes = new byte[b.position()];
        b.flip().get(bytes);
        return bytes;
    }

    static byte[] firstBytes(InputStream in, int max) throws IOException {
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
