package org.clusterlogs.messagelogging.file;

import io.netty.buffer.ByteBuf;
import org.clusterlogs.messagelogging.delivery.Framer;
import org.clusterlogs.messagelogging.delivery.QueuedRecord;
import org.clusterlogs.messagelogging.delivery.RecordEncoder;
import org.clusterlogs.messagelogging.delivery.Sink;
import org.clusterlogs.messagelogging.policy.FileRotation;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A file destination: one line per record (LF-terminated, an LF inside a message written as
 * {@code \n}) appended to the active file, which is renamed to {@code {FileName}.{yyyyMMdd-HHmmss}[-n]}
 * when the size or time trigger fires, keeping the newest {@code MaxFilesToRetain} rolled-over files.
 *
 * <p>Size: a record that would take a non-empty file past the limit goes into a fresh file, so
 * files stay at or under the limit (a single record larger than the limit gets a file of its own).
 * Time: see {@link RotationSchedule}; a file last written in an earlier interval is rolled over when
 * the next record comes, also across restarts; empty files are never rolled over. Startup: with
 * {@code rotateFileOnStartup}, a non-empty active file found when the destination first opens is rolled
 * over before the first write.
 */
public final class RotatingFileSink implements Sink {

    private static final Logger LOG = Logger.getLogger(RotatingFileSink.class);
    /** Encoded lines are written out once this many bytes are waiting. */
    private static final int WRITE_AT_BYTES = 256 * 1024;

    private final Path active;
    private final FileRotation rotation;
    private final Clock clock;
    private final RotatedNames names;
    private final RotationSchedule schedule;
    private final RecordEncoder encoder = new RecordEncoder(Framer.LF);
    private FileChannel channel;
    private long size;
    private Instant nextRotation = Instant.MAX;
    private boolean opened;

    public RotatingFileSink(Path active, FileRotation rotation, Clock clock) {
        this.active = active;
        this.rotation = rotation;
        this.clock = clock;
        this.names = new RotatedNames(active);
        this.schedule = new RotationSchedule(rotation.frequency(), rotation.unit());
    }

    /** The active file. */
    public Path path() {
        return active;
    }

    @Override
    public int deliver(List<QueuedRecord> batch) throws IOException {
        Instant now = clock.instant();
        if (channel == null) {
            open(now);
        }
        encoder.reset();
        for (QueuedRecord record : batch) {
            ByteBuf lines = encoder.buffer();
            int start = lines.writerIndex();
            int length = encoder.append(record);
            if (!now.isBefore(nextRotation) && size == 0) {
                nextRotation = schedule.nextAfter(now); // an interval without records leaves no empty file
            } else if (!now.isBefore(nextRotation)
                    || rotation.type().bySize() && size > 0 && size + length > rotation.maxFileBytes()) {
                writeUpTo(start);
                rotate(now);
            }
            size += length;
            if (lines.readableBytes() >= WRITE_AT_BYTES) {
                writeUpTo(lines.writerIndex());
                encoder.reset();
            }
        }
        writeUpTo(encoder.buffer().writerIndex());
        return batch.size();
    }

    private void open(Instant now) throws IOException {
        Files.createDirectories(active.getParent());
        boolean exists = Files.isRegularFile(active) && Files.size(active) > 0;
        if (exists && (!opened && rotation.rotateOnStartup() || writtenInEarlierInterval(now))) {
            rollOver(now);
        }
        opened = true;
        channel = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = channel.size();
        nextRotation = rotation.type().byTime() ? schedule.nextAfter(now) : Instant.MAX;
    }

    private boolean writtenInEarlierInterval(Instant now) throws IOException {
        return rotation.type().byTime()
                && !schedule.nextAfter(Files.getLastModifiedTime(active).toInstant()).isAfter(now);
    }

    private void rotate(Instant now) throws IOException {
        channel.close();
        channel = null;
        rollOver(now);
        channel = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = 0;
        nextRotation = rotation.type().byTime() ? schedule.nextAfter(now) : Instant.MAX;
    }

    /** Renames the active file away and applies retention. */
    private void rollOver(Instant now) throws IOException {
        Files.move(active, names.next(now));
        if (rotation.maxFilesToRetain() > 0) {
            List<Path> rolled = names.existing();
            for (Path old : rolled.subList(0, Math.max(0, rolled.size() - rotation.maxFilesToRetain()))) {
                Files.deleteIfExists(old);
            }
        }
    }

    /** Writes the encoded lines before {@code end} to the active file. */
    private void writeUpTo(int end) throws IOException {
        ByteBuf lines = encoder.buffer();
        while (lines.readerIndex() < end) {
            lines.readBytes(channel, end - lines.readerIndex());
        }
    }

    @Override
    public void close() {
        encoder.reset();
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debugf(e, "closing %s", active);
            }
            channel = null;
        }
    }
}
